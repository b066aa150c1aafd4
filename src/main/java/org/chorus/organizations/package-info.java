/** Coalitions and their organizations (commissions, chapters, members, allies), people's roles, invitations. */
@org.springframework.modulith.ApplicationModule(displayName = "Organizations")
package org.chorus.organizations;
