package org.chorus.signons.web;

import java.util.ArrayList;
import java.util.List;
import org.chorus.signons.ListedOrganization;

/** The organizations of one country on a page of the list, under the country's name in the reader's language. */
public record CountryGroup(String country, List<ListedOrganization> organizations) {

    /** The page's organizations, in their order, cut where the country changes. */
    static List<CountryGroup> of(List<ListedOrganization> organizations) {
        var groups = new ArrayList<CountryGroup>();
        for (var organization : organizations) {
            if (groups.isEmpty() || !groups.getLast().country().equals(organization.country())) {
                groups.add(new CountryGroup(organization.country(), new ArrayList<>()));
            }
            groups.getLast().organizations().add(organization);
        }
        return groups;
    }
}
