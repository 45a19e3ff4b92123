package app.physioportal.security;

import org.jspecify.annotations.Nullable;

/**
 * What a page opened from an emailed link may show: the link's state and, for a link that exists, whose account it
 * is for (the holder of the link reads that mailbox already). An unknown link names nobody.
 *
 * @param newEmail the address an email change moves to; null for other links
 */
public record LinkPreview(LinkState state, String firstName, String email, @Nullable String newEmail) {

    static LinkPreview unknown() {
        return new LinkPreview(LinkState.UNKNOWN, "", "", null);
    }

    LinkPreview as(LinkState other) {
        return new LinkPreview(other, firstName, email, newEmail);
    }
}
