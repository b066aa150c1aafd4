/** People: accounts, sign-up, sessions, password resets, API tokens and site administration. */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.chorus.accounts;
