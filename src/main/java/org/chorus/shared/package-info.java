/** The shared kernel: ids, slugs, errors, i18n, page context and infrastructure every module may use. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.chorus.shared;
