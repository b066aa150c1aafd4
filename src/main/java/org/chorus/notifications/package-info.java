/**
 * Notifications of workflow steps (decision 0021): an organization asking to join and the answer, statements submitted
 * for review, sent back, scheduled and published, co-issue requests and their answers, comments waiting for moderation.
 * It only listens to the events of the modules below it and reads their public APIs; the people who must act get a
 * task in "Your tasks" (open until the step is done) and, as each prefers, an email per step, a daily summary or none.
 * Nothing calls it but its own pages, the account page's section and the header's count.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.chorus.notifications;
