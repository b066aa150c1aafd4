package org.chorus.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the list of sessions up to date without a write per request: the first request of a signed-in session records
 * it (device, sign-in time) and starts its {@link SessionState}; after that its row is written at most once a day.
 * A session older than {@link ManagingSessions#MAX_LIFETIME} ends here, however busy it was.
 */
class SessionTracking extends OncePerRequestFilter {

    private final Sessions sessions;
    private final Clock clock;

    SessionTracking(Sessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ChorusUser user) {
            var session = request.getSession();
            var now = clock.instant();
            var today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            var hash = Sessions.hash(session.getId());
            var state = (SessionState) session.getAttribute(SessionState.ATTRIBUTE);
            if (state == null || !state.account().equals(user.id().value())) {
                // the first request since this person signed in (form login answers with a redirect, so this follows
                // it within seconds): the sign-in counts as a recent authentication
                sessions.insert(user.id(), hash, Device.of(request.getHeader("User-Agent")), now, today);
                session.setAttribute(
                        SessionState.ATTRIBUTE, new SessionState(user.id().value(), now, now, hash, today, 0));
            } else if (!now.isBefore(state.signedInAt().plus(ManagingSessions.MAX_LIFETIME))) {
                sessions.forget(state.sessionHash());
                session.invalidate();
                SecurityContextHolder.clearContext();
                response.sendRedirect("/login?expired");
                return;
            } else if (!hash.equals(state.sessionHash()) || !today.equals(state.lastSeenDay())) {
                if (!sessions.seen(state.sessionHash(), hash, today)) {
                    sessions.insert(
                            user.id(), hash, Device.of(request.getHeader("User-Agent")), state.signedInAt(), today);
                }
                session.setAttribute(SessionState.ATTRIBUTE, state.seen(hash, today));
            }
        }
        chain.doFilter(request, response);
    }
}
