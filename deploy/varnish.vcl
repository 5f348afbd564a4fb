# Varnish in front of HAProxy (docs/deploy.md). Placeholders, filled before varnishd reads the file
# (envsubst, or the FrontEndIT test):
#   ${SG_BACKEND_HOST}, ${SG_BACKEND_PORT}  where HAProxy listens
#   ${SG_CACHE_TTL}  how long an answer that gives no max-age of its own stays cached (e.g. 120s)
#
# The data changes only when a new backup is rolled out to the replicas: the rollout ends with
# `curl -X BAN http://VARNISH/` from this host, which empties the cache at once (no answer of the old
# version is served after it). The TTL only bounds how long an answer lives if nobody bans.
vcl 4.1;

backend haproxy {
    .host = "${SG_BACKEND_HOST}";
    .port = "${SG_BACKEND_PORT}";
    .connect_timeout = 2s;
    # serve stops a query after 30 s; HAProxy may try another replica.
    .first_byte_timeout = 45s;
    .between_bytes_timeout = 15s;
}

# Who may empty the cache: the deploying host only.
acl banners {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "BAN") {
        if (client.ip !~ banners) {
            return (synth(405, "Not allowed"));
        }
        # Every object: a new dataset version changes any answer.
        ban("obj.status != 0");
        return (synth(200, "Banned"));
    }
    # Health checks and the dumps (large files, with their own validators and ranges) go to a replica every time.
    if (req.url ~ "^/\$/" || req.url ~ "^/dumps/") {
        return (pass);
    }
    # The public site sets and reads no cookie: a stray one must not make every answer uncacheable.
    unset req.http.Cookie;
}

sub vcl_backend_response {
    # Whole answers only (the dumps, gigabytes, still stream): a replica killed in the middle of an
    # answer then fails the fetch here, before any byte reaches a client, and vcl_synth asks again,
    # where a streamed answer would reach every waiting client cut off.
    if (bereq.url !~ "^/dumps/") {
        set beresp.do_stream = false;
    }
    if (beresp.status >= 500) {
        # An error is never served from the cache.
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # With validators (ETag, Last-Modified) an expired answer is revalidated, not fetched again.
    set beresp.keep = 1h;
    # Fuseki marks every answer "no-cache, no-store": right for a browser, which cannot know when the data
    # changes, not for this cache, which is emptied at each rollout. An answer that gives its own lifetime
    # (max-age, s-maxage) keeps it; Varnish's built-in rules do the rest.
    if (!beresp.http.Set-Cookie && beresp.http.Cache-Control !~ "max-age") {
        set beresp.ttl = ${SG_CACHE_TTL};
        return (deliver);
    }
}

sub vcl_backend_error {
    # HAProxy itself retries on another replica; this covers the connection to HAProxy. Every request
    # of the public site is a read, safe to send again.
    if (bereq.retries < 1) {
        return (retry);
    }
}

sub vcl_synth {
    # A fetch that failed (a replica gone mid-answer, or none answering for a moment): ask again,
    # at most twice; HAProxy sends the request to a replica that is up.
    if (resp.status == 503 && (req.method == "GET" || req.method == "HEAD") && req.restarts < 2) {
        return (restart);
    }
}
