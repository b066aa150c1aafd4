/**
 * Pictures writers upload to show in statements and announcements: decoded and re-encoded without their metadata,
 * kept in the database with their organization, and served by Chorus itself, since images from anywhere else are
 * removed from what is published (they would tell another server who reads what).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Images")
package org.chorus.images;
