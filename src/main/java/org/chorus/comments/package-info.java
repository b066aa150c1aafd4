/** Comments on statements and their moderation by the issuing organization. */
@org.springframework.modulith.ApplicationModule(displayName = "Comments")
package org.chorus.comments;
