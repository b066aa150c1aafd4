/** Importing an organization's existing content: WordPress WXR exports. */
@org.springframework.modulith.ApplicationModule(displayName = "Imports")
package org.chorus.imports;
