package org.chorus.accounts.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.chorus.accounts.ChorusUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the API token belongs to. */
@RestController
class MeApi {

    /** The account an API token acts as. */
    public record Me(String id, String displayName, String email, boolean siteAdmin) {}

    @GetMapping("/api/v1/me")
    @Operation(summary = "The account the API token acts as", security = @SecurityRequirement(name = "bearer"))
    Me me(@AuthenticationPrincipal ChorusUser user) {
        return new Me(user.id().toString(), user.displayName(), user.email(), user.siteAdmin());
    }
}
