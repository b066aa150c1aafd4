package org.chorus.images;

/** The bytes of an uploaded image, as re-encoded, and the format they are in. */
public record ImageContent(ImageFormat format, byte[] bytes) {}
