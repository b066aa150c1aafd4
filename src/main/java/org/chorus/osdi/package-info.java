/**
 * OSDI: a subset of the Open Supporter Data Interface 1.x in HAL+JSON under {@code /api/osdi/v1}, so tools that speak
 * it (the Action Network ecosystem's) can read Chorus's actions, RSVPs, statements open for sign-on and the people who
 * agreed to be named, and write actions and RSVPs, through the other modules' use cases: nothing here stores anything
 * of its own. It depends on the modules it shows; nothing depends on it. docs/api/osdi.md lists what is covered.
 */
@org.springframework.modulith.ApplicationModule(displayName = "OSDI")
package org.chorus.osdi;
