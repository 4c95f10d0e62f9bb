package org.synergia.web.server;

import io.javalin.http.Context;

/**
 * The security headers of every response: a content security policy that allows no script at all
 * and no framing, no MIME sniffing, no referrer sent to other sites.
 */
final class SecurityHeaders {

    /** The content security policy: own resources only, no script, inline styles for the SVG charts and reports. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    }
}
