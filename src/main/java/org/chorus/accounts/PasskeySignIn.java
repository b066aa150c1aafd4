package org.chorus.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import org.chorus.shared.config.ChorusProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Passkeys through Spring Security's WebAuthn support ({@code http.webAuthn(…)}): its filters answer
 * {@code POST /webauthn/register/options}, {@code POST /webauthn/register}, {@code POST /webauthn/authenticate/options}
 * and {@code POST /login/webauthn}; Chorus's own scripts call them (no inline script, CSP {@code script-src 'self'}).
 * Chorus asks authenticators to verify the person (PIN or biometrics), so a passkey alone is two factors. A passkey
 * sign-in becomes the same {@link ChorusUser} sign-in as a password one, with the {@code FACTOR_WEBAUTHN} authority.
 */
@Configuration
class PasskeySignIn {

    private final ChorusProperties properties;
    private volatile Integer localPort;

    PasskeySignIn(ChorusProperties properties) {
        this.properties = properties;
    }

    /** Adds passkey registration and sign-in to the pages' filter chain. */
    static void configure(
            HttpSecurity http,
            WebAuthnRelyingPartyOperations relyingParty,
            AccountUserDetails users,
            TwoStepSignIn twoStep,
            RecentAuthentication recent)
            throws Exception {
        // adding a passkey changes how the account signs in: only within 10 minutes of a sign-in or a confirmed
        // password (the account page offers the confirmation first; this refuses a script that skips it)
        var registration =
                org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults();
        var options = registration.matcher(org.springframework.http.HttpMethod.POST, "/webauthn/register/options");
        var register = registration.matcher(org.springframework.http.HttpMethod.POST, "/webauthn/register");
        http.addFilterBefore(
                new org.springframework.web.filter.OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, jakarta.servlet.FilterChain chain)
                            throws jakarta.servlet.ServletException, java.io.IOException {
                        if ((options.matches(request) || register.matches(request)) && !recent.isRecent(request)) {
                            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                            response.setContentType("application/json");
                            response.getWriter().write("{\"error\":\"recent-sign-in-required\"}");
                            return;
                        }
                        chain.doFilter(request, response);
                    }
                },
                org.springframework.security.web.access.intercept.AuthorizationFilter.class);
        http.webAuthn(webAuthn -> webAuthn.rpName(SettingUpTwoFactor.ISSUER)
                .disableDefaultRegistrationPage(true)
                .withObjectPostProcessor(new ObjectPostProcessor<Object>() {
                    @Override
                    public <O> O postProcess(O filter) {
                        if (filter instanceof WebAuthnAuthenticationFilter signIn) {
                            signIn.setAuthenticationManager(asChorusUser(relyingParty, users));
                            var json = new HttpMessageConverterAuthenticationSuccessHandler();
                            signIn.setAuthenticationSuccessHandler((request, response, authentication) -> {
                                signIn(twoStep, request, response, authentication);
                                json.onAuthenticationSuccess(request, response, authentication);
                            });
                        }
                        return filter;
                    }
                }));
    }

    /** Spring Security's passkey check, answering with the same principal as a password sign-in. */
    private static AuthenticationManager asChorusUser(
            WebAuthnRelyingPartyOperations relyingParty, AccountUserDetails users) {
        var webAuthn = new ProviderManager(new WebAuthnAuthenticationProvider(relyingParty, users));
        return request -> {
            Authentication checked = webAuthn.authenticate(request);
            var user = (ChorusUser) users.loadUserByUsername(checked.getName());
            if (!user.isEnabled()) {
                throw new DisabledException("account not active");
            }
            user.eraseCredentials();
            var authorities =
                    new java.util.ArrayList<org.springframework.security.core.GrantedAuthority>(user.getAuthorities());
            authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
            return org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                    user, null, authorities);
        };
    }

    private static void signIn(
            TwoStepSignIn twoStep, HttpServletRequest request, HttpServletResponse response, Authentication auth) {
        twoStep.signIn(request, response, (ChorusUser) auth.getPrincipal(), auth.getAuthorities());
    }

    /**
     * The relying party: this site, named by the host of the configured base URL. Built at first use, so that on
     * loopback (dev mode, tests) the port the server actually listens on is an allowed origin too.
     */
    @Bean
    WebAuthnRelyingPartyOperations passkeyRelyingParty(PasskeyUsers users, PasskeyCredentials credentials) {
        return new WebAuthnRelyingPartyOperations() {
            private volatile Webauthn4JRelyingPartyOperations delegate;

            private Webauthn4JRelyingPartyOperations delegate() {
                if (delegate == null) {
                    var operations = new Webauthn4JRelyingPartyOperations(
                            users,
                            credentials,
                            PublicKeyCredentialRpEntity.builder()
                                    .id(URI.create(properties.baseUrl()).getHost())
                                    .name(SettingUpTwoFactor.ISSUER)
                                    .build(),
                            allowedOrigins());
                    operations.setCustomizeCreationOptions(options -> options.authenticatorSelection(
                            org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria.builder()
                                    .residentKey(ResidentKeyRequirement.REQUIRED)
                                    .userVerification(UserVerificationRequirement.REQUIRED)
                                    .build()));
                    operations.setCustomizeRequestOptions(
                            options -> options.userVerification(UserVerificationRequirement.REQUIRED));
                    delegate = operations;
                }
                return delegate;
            }

            @Override
            public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
                    PublicKeyCredentialCreationOptionsRequest request) {
                return delegate().createPublicKeyCredentialCreationOptions(request);
            }

            @Override
            public org.springframework.security.web.webauthn.api.CredentialRecord registerCredential(
                    RelyingPartyRegistrationRequest request) {
                return delegate().registerCredential(request);
            }

            @Override
            public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
                    PublicKeyCredentialRequestOptionsRequest request) {
                return delegate().createCredentialRequestOptions(request);
            }

            @Override
            public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
                return delegate().authenticate(request);
            }
        };
    }

    @EventListener
    void listening(WebServerInitializedEvent event) {
        localPort = event.getWebServer().getPort();
    }

    Set<String> allowedOrigins() {
        var base = URI.create(properties.baseUrl());
        var origins = new LinkedHashSet<String>();
        origins.add(origin(base.getScheme(), base.getHost(), base.getPort()));
        var host = base.getHost();
        if (localPort != null && ("localhost".equals(host) || "127.0.0.1".equals(host))) {
            origins.add(origin(base.getScheme(), host, localPort));
        }
        return origins;
    }

    private static String origin(String scheme, String host, int port) {
        return port < 0 ? scheme + "://" + host : scheme + "://" + host + ":" + port;
    }
}
