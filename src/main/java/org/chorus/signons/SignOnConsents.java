package org.chorus.signons;

import java.time.Instant;
import java.util.Optional;
import org.chorus.organizations.OrganizationId;
import org.chorus.shared.crypto.PersonalData;
import org.chorus.shared.i18n.Language;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What signers agreed to beyond signing: "keep me informed by …", ticked per organization. The events of sign-ons
 * carry ids only (they are stored in clear until their listeners are done), so a module that acts on a consent asks
 * here for the address, which it gets only for the organization whose box the signer ticked.
 */
@Service
public class SignOnConsents {

    private final SignOns signOns;
    private final PersonalData personalData;

    SignOnConsents(SignOns signOns, PersonalData personalData) {
        this.signOns = signOns;
        this.personalData = personalData;
    }

    /**
     * The address a signer agreed {@code organization} may write to, with the language they signed in and when they
     * confirmed; empty unless the sign-on is confirmed, its signer ticked that organization's box, and retention has
     * not yet deleted their personal data.
     */
    @Transactional(readOnly = true)
    public Optional<ConsentedAddress> consentedFollowAddress(SignOnId signOn, OrganizationId organization) {
        return signOns.consented(signOn, organization)
                .map(c -> new ConsentedAddress(
                        Signer.fromJson(personalData.open(c.personal(), Signer.COLUMN))
                                .email(),
                        Language.byTag(c.language()).orElse(Language.DEFAULT),
                        c.confirmedAt()));
    }

    /**
     * An address a signer gave and agreed to be written to, unsealed: keep it in memory only as long as needed.
     *
     * @param confirmedAt when the signer confirmed the sign-on, and so gave the consent
     */
    public record ConsentedAddress(String email, Language language, Instant confirmedAt) {

        /** Never the address, whatever logs it. */
        @Override
        public String toString() {
            return "ConsentedAddress[hidden, " + language + ", " + confirmedAt + "]";
        }
    }
}
