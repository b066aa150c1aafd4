package org.chorus.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.chorus.shared.config.ChorusProperties;
import org.chorus.shared.i18n.Language;
import org.chorus.shared.web.ProblemResponses;
import org.chorus.shared.web.SecurityHeaders;
import org.chorus.shared.web.UiAdvice;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Who may reach what. Pages use sessions with CSRF-protected forms; the API and metrics use bearer tokens and no
 * session. Every response carries a strict Content-Security-Policy: scripts and styles only from Chorus itself.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    /** Also written by the answers given outside Spring Security (refused input, Tomcat's own errors). */
    static final String CONTENT_SECURITY_POLICY = SecurityHeaders.CONTENT_SECURITY_POLICY;

    @Bean
    PasswordEncoder passwordEncoder(Passwords passwords) {
        return passwords.encoder();
    }

    /**
     * Checks the password before saying anything about the account: "not active yet" is only shown to someone who
     * knows the password, so the sign-in form does not reveal which addresses have signed up. Every password check
     * goes through the limits of {@link ThrottledSignIn}, whatever address the request came by.
     */
    @Bean
    ThrottledSignIn authenticationProvider(
            AccountUserDetails userDetails,
            PasswordEncoder passwordEncoder,
            KnownDevices devices,
            Accounts accounts,
            ChorusProperties properties) {
        var provider = new org.springframework.security.authentication.dao.DaoAuthenticationProvider(userDetails);
        provider.setPasswordEncoder(passwordEncoder);
        var accountChecks = new org.springframework.security.authentication.AccountStatusUserDetailsChecker();
        provider.setPreAuthenticationChecks(user -> {});
        provider.setPostAuthenticationChecks(accountChecks::check);
        return new ThrottledSignIn(provider, devices, accounts, properties);
    }

    @Bean
    org.springframework.security.core.session.SessionRegistry sessionRegistry() {
        return new org.springframework.security.core.session.SessionRegistryImpl();
    }

    /** Tells the session registry when the container ends a session. */
    @Bean
    org.springframework.security.web.session.HttpSessionEventPublisher httpSessionEventPublisher() {
        return new org.springframework.security.web.session.HttpSessionEventPublisher();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiAndMetrics(
            HttpSecurity http, ApiTokens tokens, UiAdvice uiAdvice, ChorusProperties properties) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(a -> {
                    a.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
                    if (properties.metricsPublic()) {
                        a.requestMatchers("/actuator/prometheus").permitAll();
                    }
                    a.requestMatchers("/actuator/**").hasRole("ADMIN");
                    a.requestMatchers("/api/v1/me").authenticated();
                    a.anyRequest().permitAll();
                })
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .addFilterBefore(
                        new ApiTokenAuthentication(tokens, uiAdvice), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, failure) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problem(uiAdvice, request, response, 401, "api.token-required");
                        })
                        .accessDeniedHandler((request, response, denied) ->
                                problem(uiAdvice, request, response, 403, "error.403.message")))
                .headers(h ->
                        h.contentSecurityPolicy(c -> c.policyDirectives(SecurityHeaders.API_CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(
            HttpSecurity http,
            LocaleResolver localeResolver,
            KnownDevices devices,
            SignInFailures signInFailures,
            Sessions sessions,
            java.time.Clock clock,
            TwoStepSignIn twoStep,
            org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations passkeys,
            AccountUserDetails users,
            RecentAuthentication recent,
            @org.springframework.beans.factory.annotation.Value("${chorus.map.tile-url:}") String tileUrl)
            throws Exception {
        var tracking = new SessionTracking(sessions, clock);
        var onSignIn = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(
                    HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                    throws jakarta.servlet.ServletException, IOException {
                // two-factor sign-in: the password was only the first step (TwoStepSignIn)
                if (twoStep.interrupt(request, response, authentication)) {
                    return;
                }
                sessions.signedIn(request);
                // the interface follows the language saved in the profile from the moment the person signs in
                if (authentication.getPrincipal() instanceof ChorusUser user) {
                    Language.byTag(user.language())
                            .ifPresent(l -> localeResolver.setLocale(request, response, l.locale()));
                    devices.signedIn(request, response, user.id());
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        onSignIn.setDefaultTargetUrl("/");
        http.authorizeHttpRequests(a -> a
                        // passkeys are removed from the account page, where it is recorded (decision 0010), not
                        // through Spring Security's own DELETE endpoint
                        .requestMatchers(org.springframework.http.HttpMethod.DELETE, "/webauthn/register/**")
                        .denyAll()
                        // an invitation's page says what it is for to anyone with the link; accepting needs a sign-in
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/invitations/*")
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers(
                                "/account",
                                "/account/**",
                                "/organizations/new",
                                "/o/*/manage",
                                "/o/*/manage/**",
                                "/invitations/**",
                                "/o/*/statements/new",
                                "/o/*/statements/manage",
                                "/o/*/statements/republish",
                                "/o/*/statements/republish-url",
                                "/o/*/import",
                                "/s/*/edit",
                                "/s/*/translate",
                                "/s/*/workflow/**",
                                "/s/*/sign-on/**",
                                "/s/*/sign/organization",
                                "/statements/preview",
                                "/comments/**",
                                "/o/*/comments",
                                "/o/*/comments/**",
                                "/c/*/manage/**",
                                "/actions/*/rsvps",
                                "/actions/*/rsvps.csv",
                                "/actions/*/rsvps/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                // no CSRF token where the caller has no session: RFC 8058 one-click unsubscribe (mail clients post; the
                // signed link is the proof), machine endpoints (providers' webhooks, with their own secret), and the
                // sign-on form on the cached statement page (signed stamp and same-origin check: decision 0028)
                .csrf(c -> c.ignoringRequestMatchers(
                                org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher
                                        .withDefaults()
                                        .matcher(org.springframework.http.HttpMethod.POST, "/follows/*/*/unsubscribe"),
                                org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher
                                        .withDefaults()
                                        .matcher(org.springframework.http.HttpMethod.POST, "/s/*/sign"),
                                // the form of hosts without an account, on its cached page (same defences: 0034)
                                org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher
                                        .withDefaults()
                                        .matcher(org.springframework.http.HttpMethod.POST, "/c/*/actions/host"),
                                // RSVPs: a guest's form on the cached action page, and RFC 8058 unsubscribes (0037)
                                org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher
                                        .withDefaults()
                                        .matcher(org.springframework.http.HttpMethod.POST, "/actions/*/rsvp"),
                                org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher
                                        .withDefaults()
                                        .matcher(org.springframework.http.HttpMethod.POST, "/rsvps/*/*/unsubscribe"),
                                // the forms of a campaign's letter on its cached country page (same defences: 0039)
                                org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher
                                        .withDefaults()
                                        .matcher(
                                                org.springframework.http.HttpMethod.POST,
                                                "/c/*/letter/*/{way:send|own|sent}"))
                        // ActivityPub inboxes: other servers post, each activity signed (HTTP Signatures)
                        .ignoringRequestMatchers("/hooks/**", "/inbox", "/o/*/inbox"))
                .formLogin(f -> f.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler(onSignIn)
                        .failureHandler(signInFailures)
                        .permitAll())
                .logout(l ->
                        l.logoutUrl("/logout").logoutSuccessUrl("/?signedOut").deleteCookies("chorus_session"))
                .sessionManagement(session -> session.maximumSessions(-1)
                        .sessionRegistry(sessionRegistry())
                        .expiredUrl("/login?expired"))
                // after the check that a session was not ended (from another device, or by a password change)
                .addFilterAfter(tracking, org.springframework.security.web.session.ConcurrentSessionFilter.class)
                // a tile server the operator configured for maps may serve images (docs/maps.md)
                .headers(h -> h.contentSecurityPolicy(
                                c -> c.policyDirectives(SecurityHeaders.contentSecurityPolicy(tileUrl)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(
                                new StaticHeadersWriter("Permissions-Policy", SecurityHeaders.PERMISSIONS_POLICY)));
        // passkeys, alone or as the second step (decision 0010)
        PasskeySignIn.configure(http, passkeys, users, twoStep, recent);
        return http.build();
    }

    private static void problem(
            UiAdvice uiAdvice, HttpServletRequest request, HttpServletResponse response, int status, String key)
            throws IOException {
        var ui = uiAdvice.uiFor(request);
        ProblemResponses.write(
                response, status, ui.t("error." + status + ".title"), ui.t(key), request.getRequestURI());
    }
}
