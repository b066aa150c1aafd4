package org.chorus.actions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.chorus.accounts.AccountDirectory;
import org.chorus.accounts.AccountId;
import org.chorus.accounts.AccountSummary;
import org.springframework.stereotype.Component;

/**
 * The names and emails of actions' hosts, for the campaign's organizers (their queue, their export): from the hosts'
 * accounts, or as hosts without one gave them (sealed, opened here). At most two queries for any number of actions.
 */
@Component
class HostsOfActions {

    private final AccountDirectory accounts;
    private final HostingByEmail byEmail;

    HostsOfActions(AccountDirectory accounts, HostingByEmail byEmail) {
        this.accounts = accounts;
        this.byEmail = byEmail;
    }

    /** Each action's host, by action; an action whose host is gone (an account deleted, a contact forgotten) has none. */
    Map<ActionId, HostContact> of(List<Action> actions) {
        var withAccounts = new HashMap<AccountId, AccountSummary>();
        accounts.findAll(actions.stream()
                        .map(Action::host)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList())
                .forEach(account -> withAccounts.put(account.id(), account));
        var hosts = new HashMap<ActionId, HostContact>(byEmail.contacts(
                actions.stream().filter(a -> a.host() == null).map(Action::id).toList()));
        for (var action : actions) {
            var account = action.host() == null ? null : withAccounts.get(action.host());
            if (account != null) {
                hosts.put(action.id(), new HostContact(account.displayName(), account.email()));
            }
        }
        return hosts;
    }
}
