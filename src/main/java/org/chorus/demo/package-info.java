/** Neutral demo data for {@code bin/chorus dev}: a climate justice coalition, its structure and people with each role. */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.chorus.demo;
