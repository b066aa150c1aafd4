package org.chorus.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chorus.support.ChorusWebTest;
import org.chorus.support.Fixtures;
import org.chorus.support.Html;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ChorusWebTest
class CoalitionStructureTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CoalitionDirectory directory;

    @Autowired
    RegisteringOrganizations registering;

    @Test
    void the_home_page_shows_each_coalition_with_its_commissions_chapters_members_and_allies() throws Exception {
        var coalition = fixtures.coalition();
        var commission = fixtures.below(coalition, OrganizationKind.COMMISSION);
        var chapter = fixtures.below(coalition, OrganizationKind.CHAPTER);
        var member = fixtures.below(chapter, OrganizationKind.MEMBER);
        var ally = fixtures.below(coalition, OrganizationKind.ALLIED);
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(coalition.name())))
                .andExpect(content().string(Matchers.containsString("/o/" + commission.slug())))
                .andExpect(content().string(Matchers.containsString("/o/" + member.slug())))
                .andExpect(content().string(Matchers.containsString("/o/" + ally.slug())));
    }

    @Test
    void the_organizations_offered_as_filters_change_as_soon_as_one_is_founded_or_renamed() throws Exception {
        var before = directory.listed();
        var coalition = fixtures.coalition();
        assertThat(directory.listed())
                .hasSize(before.size() + 1)
                .extracting(Organization::id)
                .contains(coalition.id());
        var renamed = coalition.name() + " renamed";
        registering.updateProfile(
                fixtures.siteAdmin(),
                coalition.id(),
                new OrganizationProfile(
                        renamed,
                        coalition.country(),
                        coalition.languages(),
                        coalition.website(),
                        coalition.description()));
        assertThat(directory.listed()).extracting(Organization::name).contains(renamed);
        mvc.perform(get("/search")).andExpect(content().string(Matchers.containsString(renamed)));
    }

    @Test
    void an_organization_page_shows_its_facts_its_place_and_what_is_below_it() throws Exception {
        var coalition = fixtures.coalition();
        var chapter = fixtures.below(coalition, OrganizationKind.CHAPTER);
        var member = fixtures.below(chapter, OrganizationKind.MEMBER);
        mvc.perform(get("/o/" + chapter.slug()).header("Accept-Language", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Kenya")))
                .andExpect(content().string(Matchers.containsString("swahili")))
                .andExpect(Html.has("a[href='/o/" + coalition.slug() + "']"))
                .andExpect(Html.has("a[href='/o/" + member.slug() + "']"))
                .andExpect(Html.hasNo("#people"));
    }

    @Test
    void someone_asks_to_join_below_an_organization_and_its_owner_approves() throws Exception {
        var coalition = fixtures.coalition();
        var owner = fixtures.person("owner");
        fixtures.grant(coalition, owner, Role.OWNER);
        var asker = fixtures.person("asker");
        var name = Fixtures.unique("Tenants Union");

        mvc.perform(post("/organizations/new")
                        .with(user(asker))
                        .with(csrf())
                        .param("parent", coalition.slug())
                        .param("kind", "MEMBER")
                        .param("name", name)
                        .param("country", "PH")
                        .param("languages", "tl, en"))
                .andExpect(status().is3xxRedirection());
        var slug = org.chorus.shared.Slug.suggest(name);

        mvc.perform(get("/o/" + slug)).andExpect(status().isNotFound());
        mvc.perform(get("/o/" + slug).with(user(asker)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("waiting for approval")));
        mvc.perform(get("/o/" + coalition.slug() + "/manage").with(user(owner)))
                .andExpect(content().string(Matchers.containsString("Approve " + name)));

        mvc.perform(post("/o/" + coalition.slug() + "/manage/children/" + slug + "/approve")
                        .with(user(owner))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/o/" + slug)).andExpect(status().isOk());
        assertThat(directory.page(Actor.of(asker), slug).viewerRole()).contains(Role.OWNER);
    }

    @Test
    void a_form_with_a_bad_field_keeps_what_was_typed_and_saves_nothing() throws Exception {
        var coalition = fixtures.coalition();
        var asker = fixtures.person("asker");
        var name = Fixtures.unique("Kept Name");
        mvc.perform(post("/organizations/new")
                        .with(user(asker))
                        .with(csrf())
                        .param("parent", coalition.slug())
                        .param("kind", "MEMBER")
                        .param("name", name)
                        .param("website", "not a website"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(Html.has("#website-error"))
                .andExpect(Html.has("input[name=name][value='" + name + "']"));
        mvc.perform(get("/o/" + org.chorus.shared.Slug.suggest(name)).with(user(asker)))
                .andExpect(status().isNotFound());
    }

    @Test
    void only_site_admins_found_coalitions() throws Exception {
        var person = fixtures.person("founder");
        mvc.perform(post("/organizations/new")
                        .with(user(person))
                        .with(csrf())
                        .param("kind", "COALITION")
                        .param("name", Fixtures.unique("Rogue")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("Only a site administrator")));
    }

    @Test
    void an_unknown_organization_is_a_translated_404_page() throws Exception {
        mvc.perform(get("/o/no-such-organization").header("Accept-Language", "ar"))
                .andExpect(status().isNotFound())
                .andExpect(Html.has("html[dir=rtl]"));
        mvc.perform(get("/no/such/page"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("Page not found")));
    }
}
