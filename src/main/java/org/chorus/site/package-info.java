/** The site's own pages that bring several modules together, such as the home page. */
@org.springframework.modulith.ApplicationModule(displayName = "Site")
package org.chorus.site;
