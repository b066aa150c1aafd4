package org.chorus.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says that a handler renders a public page: the same for every anonymous reader, so {@link PublicPageCache} may keep
 * it and serve it again, until a {@link PublicPagesChanged} event or its TTL. Only annotated handlers are ever
 * cached, and only when they answer 200 to an anonymous reader without setting a cookie; a page that shows anything
 * about its viewer, a form with a CSRF token, or a page behind a permission must not carry it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PublicPage {

    /**
     * The query parameters that change what the page shows (e.g. {@code page}, {@code topic}). A request with any
     * other parameter is answered but not kept, so made-up parameters cannot fill the cache.
     */
    String[] parameters() default {};
}
