package org.chorus.imports;

import org.chorus.shared.DomainException;

/** A file the WXR import refuses, with a reason the person who uploaded it can act on (422). */
public class WxrRejected extends DomainException {

    private WxrRejected(String messageKey, Object... arguments) {
        super(422, messageKey, arguments);
    }

    /** WordPress never writes a DOCTYPE: one is there to declare entities, the tool of XXE and billion laughs. */
    static WxrRejected doctype() {
        return new WxrRejected("import.wxr.doctype");
    }

    static WxrRejected malformed(int line) {
        return new WxrRejected("import.wxr.malformed", line);
    }

    static WxrRejected notWxr() {
        return new WxrRejected("import.wxr.not-wxr");
    }

    static WxrRejected tooLarge() {
        return new WxrRejected("import.wxr.too-large");
    }

    /** More items than one import takes ({@link WxrParser#MAX_ITEMS}). */
    static WxrRejected tooManyItems(int max) {
        return new WxrRejected("import.wxr.too-many-items", max);
    }

    /** No file was chosen in the upload form. */
    public static WxrRejected noFile() {
        return new WxrRejected("import.wxr.no-file");
    }
}
