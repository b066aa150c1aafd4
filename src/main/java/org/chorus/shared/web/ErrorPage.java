package org.chorus.shared.web;

/** What the error page shows: the status and a translated title and explanation. */
public record ErrorPage(int status, String title, String message) {

    /** The message keys for the statuses a visitor can meet. */
    public static String titleKey(int status) {
        return switch (status) {
            case 400 -> "error.400.title";
            case 401 -> "error.401.title";
            case 403 -> "error.403.title";
            case 404 -> "error.404.title";
            case 405 -> "error.405.title";
            case 409 -> "error.409.title";
            case 413 -> "error.413.title";
            case 422 -> "error.422.title";
            case 429 -> "error.429.title";
            default -> status >= 500 ? "error.500.title" : "error.400.title";
        };
    }

    public static String messageKey(int status) {
        return titleKey(status).replace(".title", ".message");
    }
}
