// Generated from /api/openapi.json by `npm run openapi:types` (scripts/openapi.ts); do not edit.
export interface paths {
    "/api/regions/{region}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The region now
         * @description Totals, its child regions' totals, and every hall below it ranked by oldest wait. Roles: any, with a token for the region or one above it.
         */
        get: operations["getRegion"];
        /**
         * Create or replace a region
         * @description Its name and the region above it; 400 for an unknown parent or a cycle. Roles: admin (a region-scoped admin only below its regions).
         */
        put: operations["defineRegion"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/regions/{region}/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live region figures (WebSocket)
         * @description Upgrade to a WebSocket: `{ type: "snapshot", seq, …the region's figures }`, then `{ type: "changes", seq, totals, regions, halls: [changed], removed: [hall ids] }`. Roles: any, with a token for the region or one above it.
         */
        get: operations["watchRegion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/regions/{region}/halls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Halls open now (public)
         * @description No token: the region's halls open now, with waiting counts and the estimated wait per category; nearest first with ?near=lat,lng. For a WeChat mini-program or a public website (CORS open, cached 10 s).
         */
        get: operations["listOpenHalls"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/regions/{region}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The 10-minute list
         * @description Each hall's own statistics over the range, one row per hall; `over` keeps halls whose mean wait exceeded it. Roles: manager, admin, for the region or one above it.
         */
        get: operations["getRegionStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/regions/{region}/stats.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The 10-minute list as CSV
         * @description The same list as CSV with a header row, UTF-8 with a byte-order mark. Roles: manager, admin, for the region or one above it.
         */
        get: operations["exportRegionStatsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List content items
         * @description The hall's content items and its regions', in play order, each with whether it is on screen now. Roles: manager, admin.
         */
        get: operations["listHallContent"];
        put?: never;
        /**
         * Add a content item
         * @description Add a content item: a notice or a guide (JSON), or an image (multipart/form-data, `file` and an `item` JSON field). Roles: manager, admin.
         */
        post: operations["addHallContent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/content/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a content item
         * @description Remove an item (and its image, unless another item shows it); a region's item can only be hidden. Roles: manager, admin.
         */
        delete: operations["removeHallContent"];
        options?: never;
        head?: never;
        /**
         * Change a content item
         * @description Change an item; a region's item may only be hidden or shown again. Roles: manager, admin.
         */
        patch: operations["changeHallContent"];
        trace?: never;
    };
    "/media/{hall}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A hall's image
         * @description A hall's image as the screens load it (no token: <img> sends none); `id` is its SHA-256, so it is cached as immutable.
         */
        get: operations["getHallImage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/media/regions/{region}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A region's image
         * @description A region's image, shown in every hall below it (no token).
         */
        get: operations["getRegionImage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/regions/{region}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A region's content
         * @description The region's items, and how many halls below hold the current list. Roles: a manager or admin token for the region or one above it.
         */
        get: operations["listRegionContent"];
        put?: never;
        /**
         * Publish content to a region
         * @description Publish a content item to every hall below the region: a notice or guide (JSON) or an image (multipart/form-data). Roles: a manager or admin token for the region or one above it.
         */
        post: operations["addRegionContent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/regions/{region}/content/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a region's item
         * @description Withdraw a region's item from every hall below. Roles: a manager or admin token for the region or one above it.
         */
        delete: operations["removeRegionContent"];
        options?: never;
        head?: never;
        /**
         * Change a region's item
         * @description Change a region's item; every hall below gets the change. Roles: a manager or admin token for the region or one above it.
         */
        patch: operations["changeRegionContent"];
        trace?: never;
    };
    "/api/halls/{hall}/region-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A hall on another deployment reports to its region
         * @description What `TONGBAN_UPSTREAM` deployments send: the hall's throttled summary, seq-numbered, admitted like a local hall's (a repeated or older report changes nothing), and the region's content back when the hall's is older. Roles: reporter, for this hall.
         */
        post: operations["reportToRegion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/region-report/{region}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether this deployment holds a region
         * @description Asked by a deployment before it accepts a hall naming a region it does not hold itself (PUT /api/halls/{hall} there). Roles: reporter, for this hall.
         */
        get: operations["checkReportRegion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/windows/{window}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause the window (暂停)
         * @description The window calls nobody until resumed; its ticket stays. Roles: counter, manager, admin.
         */
        post: operations["pauseWindow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/windows/{window}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused window
         * @description A closed window stays closed. Roles: counter, manager, admin.
         */
        post: operations["resumeWindow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/staff/{staff}/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put an officer on a window with their own PIN or password
         * @description The officer signs in at the window with their own secret: `pin` or `password` (a PIN typed as `password` counts too). Without one it is a 400; an account with neither is a 409 (`details.secret`: a manager sets one first); an account with manager access is for the console, not a window (409). Five wrong secrets in a row lock the account at windows for 5 minutes (409). A person signed in with their own password (the session cookie) needs no secret for their own account; a manager or admin may place any counter account without one, and the audit row names them. Roles: counter, manager, admin.
         */
        post: operations["signInStaff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List staff accounts
         * @description Name, badge, rank, access, and whether a PIN and a password are set (never the PIN or password). A counter reads only who may sign in at its window (`listWindowOfficers`). Roles: manager, admin.
         */
        get: operations["listStaff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/windows/{window}/officers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who may sign in at a window
         * @description The accounts a window terminal offers for signing in: those with counter access, by name and badge and nothing more (no access, rank or secrets). Accounts for the manager console are not offered. Roles: counter, manager, admin.
         */
        get: operations["listWindowOfficers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/kiosk/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a number at the kiosk
         * @description An ID number, if given, is checked (GB 11643) and kept only as a keyed hash and its last 4 digits; the same ID may hold one active ticket per category (409). The reply carries the citizen's status-page path. Roles: kiosk, manager, admin.
         */
        post: operations["issueKioskTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/appointments/{code}/check-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check in an appointment
         * @description Issues an appointment-priority ticket for the booking, once, on the booked day. Roles: kiosk, manager, admin.
         */
        post: operations["checkInAppointment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/windows/{window}/check-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check in a booking or a ticket from home at a window
         * @description The window terminal checks a citizen in by the code of their booking or ticket from home (typed, or scanned: spaces are dropped), by the kiosk's rule: a booking becomes an appointment-priority ticket in its category's queue, a ticket from home is no longer on the way and keeps its place. Neither is put on the window: it is called in turn (`POST …/call`), so the call is announced and its wait counted. The audit row names the officer on the window and the window. An unknown code is 404 `unknown_appointment`; a code already used, for another day or expired is 409 with `details` (`ticket`, `day`, `status`); a counter bound to other windows 403. Roles: counter (its own windows), manager, admin.
         */
        post: operations["checkInAtWindow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/booking-slots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Half hours with room to book
         * @description The day's half hours for a service with what each can take and what is booked: capacity comes from the day's saved plan, else the hall's usual opening (`booking.opens`–`closes`) and windows, × `booking.share`. `days` lists the dates that can be booked (the next `booking.days` open days); a date outside them has no slots. No credential.
         */
        get: operations["listBookingSlots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/bookings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Book a half hour (citizen)
         * @description A citizen books a half hour that has room. The ID number is checked (GB 11643) and kept only as the hall's keyed hash; one booking per person per hall per day (409); a full, begun or blocked half hour is 409 (a blocked one names the block: `details.block`, `details.reason`); `booking.noShowLimit` missed bookings in `booking.noShowDays` days block booking (403, with `details.until`). Each client may book 5 times in 10 minutes (429). No credential.
         */
        post: operations["bookOnline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/remote-tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Join today's queue from home (citizen, 线上取号)
         * @description A citizen takes a number for today while a window serves the service. The ticket keeps its place but is *on the way* until checked in with `code` at the kiosk (`POST /api/halls/{hall}/appointments/{code}/check-in`) or a window; if it would be called first it steps back behind the next waiting citizen, at most `remoteHolds` times (default 3), then expires with the reason on its status page. A service's line holds at most `remoteShare` (default 0.3) of tickets on the way: one more is 409 with `details.cap` `remoteShare`. The ID number is checked (GB 11643) and kept only as the hall's keyed hash for the day; one ticket from home per person per hall per day (409). Each client may join 3 times in 10 minutes (429). No credential.
         */
        post: operations["joinQueueFromHome"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/booking-board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Capacity against bookings, blocks and no-shows (the 预约 tab)
         * @description For `date` and `category`: each half hour's capacity and bookings by the booking page's own rule, blocked ones named; every block from today on; the bookings kept on a block and not yet checked in, each with its mobile number whole for the hall's call (the only place it is whole); the no-shows of the last 7 days and who the no-show rule stops from booking, until when (masked). Roles: manager, admin.
         */
        get: operations["bookingBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/booking-blocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a day or a half hour to bookings
         * @description A meeting, an outage: `date` with `from` (one half hour) or without (the whole day), for `category` or every service, with a reason. The booking page stops offering it and booking it is 409 naming the block; bookings already on it are kept and listed on GET /booking-board for a call. A past day, one past `appointmentDays`, a time off the half hour or an unknown service is refused; the same block twice is 409. Roles: manager, admin.
         */
        post: operations["blockBookings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/booking-blocks/{block}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Open a blocked day or half hour to bookings again
         * @description Roles: manager, admin.
         */
        delete: operations["unblockBookings"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/booking-blocks/{block}/contacted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a booking on a block as told (已通知)
         * @description The hall has called the citizen whose booking lies under the block. Once per booking (409 again). Roles: manager, admin.
         */
        post: operations["markBookingContacted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/storage-alarms/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge the storage alarms
         * @description When the storage guard refuses a write (a row over the platform's 2 MB limit), the manager console shows a storage alarm until a manager acknowledges it here or the hall's day ends. Answers how many were acknowledged. Roles: manager, admin.
         */
        post: operations["acknowledgeStorageAlarms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/staff/{staff}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Create or update a staff account
         * @description Create (201) or update (200): name, badge, rank (role), what they may do signed in (access: manager or counter), and optionally a PIN and a sign-in password, stored hashed and never returned. Roles: manager, admin.
         */
        put: operations["saveStaffAccount"];
        post?: never;
        /**
         * Remove a staff account
         * @description One signed in at a window must sign out first (409). Roles: manager, admin.
         */
        delete: operations["removeStaffAccount"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/appointments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List appointments
         * @description The bookings for a day (?date=YYYY-MM-DD; without it, every day from today), in booking order. Roles: manager, admin.
         */
        get: operations["listAppointments"];
        put?: never;
        /**
         * Book an appointment
         * @description For the booking system or the manager: returns a six-digit code the citizen checks in with at the kiosk on the booked day. Roles: manager, admin.
         */
        post: operations["bookAppointment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/appointments/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Cancel an appointment
         * @description A booking not yet checked in: its code stops working at the kiosk; 409 once checked in. Roles: manager, admin.
         */
        delete: operations["cancelAppointment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview window changes
         * @description What opening, closing or re-assigning windows would do to the estimated waits, without applying anything. Roles: manager, admin.
         */
        post: operations["previewWindowChanges"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the audit log
         * @description Newest first: who did what, when, from which device; page with ?before= the previous reply's `next`. Roles: manager, admin.
         */
        get: operations["listAuditEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/archives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the hall's archives
         * @description Events and audit rows older than the hall's retention (`eventDays`, default 90; `auditDays`, default 180 and never fewer) are archived by the hall's daily alarm, one gzip NDJSON file per kind per local day, before they are pruned from the hall. Roles: manager, admin.
         */
        get: operations["listArchives"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/archives/{kind}/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download one archive
         * @description One archive file as stored: `Content-Type: application/gzip`, no Content-Encoding, sent as an attachment, so a browser saves the .ndjson.gz file and `curl -o` keeps the same bytes (unpack with gunzip). Each line is one event or audit row in order. Roles: manager, admin.
         */
        get: operations["downloadArchive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with badge and password
         * @description Sets the `tongban_session` cookie (HttpOnly, SameSite=Strict, 12 h). A wrong badge or password is one 401. No account is ever locked (badges are public): each place a try comes from waits instead — three wrong tries of a badge from one place are free, then 1 s, 2 s, 4 s … up to 15 min; ten over all badges, then the same; strangers together start at most 4 hashes a second after a burst of 30. A try that comes too soon, or while the same place's last try is still being checked, is 429 with Retry-After and is not checked at all; a place refused more than ten times since its last sign-in gets each further 429 only after a hold (250 ms, 500 ms, 1 s, then 2 s; Retry-After counts from the answer), so a script trying in a loop slows to a try or two a second; a try sent while one of the same place's refusals is held is refused in the Worker (429, held 2 s) without reaching the hall, and counted in its audit row with the place's next try. A place is this hall's paired device when the request carries its cookie (never slowed by anyone else's failures), else the client address (CF-Connecting-IP on Cloudflare; self-hosted, the socket's peer, or the trusted proxy's X-Forwarded-For entry with TONGBAN_TRUST_PROXY). Refused tries are audited as one `session_refused` row per place per minute, with a count. Only from a page of this server: the Origin header must be present and this server's (403 otherwise). No token needed: the badge and password are the check.
         */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/sessions/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who is signed in
         * @description The person signed in with this browser's session cookie in this hall; 401 if nobody.
         */
        get: operations["getCurrentSession"];
        put?: never;
        post?: never;
        /**
         * Sign out
         * @description The session ends in the hall (its cookie then gets 401 everywhere) and the cookie is cleared; 404 when there is no live session to end. Only from a page of this server (its Origin is checked).
         */
        delete: operations["signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Statistics
         * @description From the event log, by category, window, officer or hour of arrival: tickets issued, served, no-shows, transfers, waits and service times (mean, nearest-rank median and 90th percentile, max, in minutes), satisfaction. Roles: manager, admin.
         */
        get: operations["getHallStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/stats.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Statistics as CSV
         * @description The same figures as CSV with a header row, UTF-8 with a byte-order mark so Excel shows Chinese; as an attachment. Roles: manager, admin.
         */
        get: operations["exportHallStatsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/advice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Staffing advice
         * @description Windows needed now per category and as comprehensive windows (Erlang C on the last hour's arrivals and learnt service times, against the target mean wait and the alarm line), and for the day: Laibin's rule on the expected volume beside Erlang C for the expected busiest hour. Roles: manager, admin.
         */
        get: operations["getStaffingAdvice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/tickets/{ticket}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rate a finished ticket
         * @description 1 to 5, once; 409 for a ticket not done or already rated. Roles: counter, manager, admin.
         */
        post: operations["rateTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/t/{ticketToken}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rate the service (status page)
         * @description The citizen rates their finished ticket 1 to 5, once, from the status page; reasons for 1–2. The signed link is the credential and names the one ticket it may rate; the reply gives back only the number and the score.
         */
        post: operations["rateByTicketLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/windows/{window}/evaluation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rate at the window (evaluator)
         * @description The window evaluator rates the ticket finished last at this window (within 10 minutes, once) on 好差评's five levels, with reasons for 1–2. Roles: display, counter, manager, admin.
         */
        post: operations["rateAtWindow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/windows/{window}/evaluation/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Leave a call-back number after a 差评 (evaluator)
         * @description After a poor rating at the window, the citizen may leave a mobile number for the call back, within 10 minutes of the rating. It is kept until the follow-up is done plus 30 days, shown whole only on the open follow-up a manager calls from and masked (138****5678) elsewhere, and is never in an event, feed, log or export. Roles: display, counter, manager, admin.
         */
        put: operations["leaveCallBackNumber"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/follow-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List follow-ups (回访)
         * @description The 差评 to call back: open ones oldest first, or done ones with their notes. Roles: manager, admin.
         */
        get: operations["listFollowUps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/follow-ups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Close a follow-up
         * @description Marks it done with a note of the call back; audited. Roles: manager, admin.
         */
        patch: operations["closeFollowUp"];
        trace?: never;
    };
    "/api/halls/{hall}/plan/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The applied day plan
         * @description The plan applied for that day, or 404 when none is. Roles: manager, admin.
         */
        get: operations["getAppliedDayPlan"];
        /**
         * Apply a day plan
         * @description Apply a plan as the hall's plan for that day (today or later): its windows and shifts, checked against the hall's windows and categories. The consoles and the data wall remind of each shift change 30 minutes ahead; with the hall setting autoOpen the hall opens, pauses (after the citizen at the window) and re-assigns the windows itself, as the actor \"plan\". Replaces the day's plan; audited. Roles: manager, admin.
         */
        put: operations["applyDayPlan"];
        post?: never;
        /**
         * Remove a day plan
         * @description Stop following the plan applied for that day: no more reminders or automatic changes; windows stay as they are. Audited. Roles: manager, admin.
         */
        delete: operations["removeDayPlan"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Plan a day
         * @description Which windows to open, serving what, in which half-hour shifts, with the fewest window-hours that keep the mean wait within the target and every category's p90 within the alarm line, checked by simulating the day rebuilt from the same weekday of the last four weeks plus the day's bookings; beside Laibin's rule. Keeps the hall's plan rules (planRules: shortest shift, shifts per window, windows keep their categories) and says why each window is closed when it is. 404 without history to plan from. Roles: manager, admin.
         */
        get: operations["getDayPlan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/t/{ticketToken}/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Watch one ticket (WebSocket)
         * @description The status page's live feed: upgrade to a WebSocket and receive that ticket's status view as `{ type: "html", seq, html }` fragments (its place in the line, the estimated wait, the call). The signed link is the credential; a forged one is a 404.
         */
        get: operations["watchTicket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List devices
         * @description What each is, whether it is online now, when it was last seen, its screen and software. Roles: manager, admin.
         */
        get: operations["listDevices"];
        put?: never;
        /**
         * Pair a device
         * @description The device showing `code` on /pair becomes a main screen, window screen, data wall, announcer, kiosk or counter terminal; within 2 s it opens its page, signed in by a cookie. 404 for a wrong, used or expired code; 409 (details.cap `devices`) when the hall already has 1,000 devices, and the code keeps waiting. Roles: manager, admin.
         */
        post: operations["pairDevice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/devices/{device}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a device
         * @description Its credential gets 401 everywhere and its page goes back to /pair within 2 s. Roles: manager, admin.
         */
        delete: operations["revokeDevice"];
        options?: never;
        head?: never;
        /**
         * Re-assign or rename a device
         * @description Its page switches within 2 s. Roles: manager, admin.
         */
        patch: operations["updateDevice"];
        trace?: never;
    };
    "/api/halls/{hall}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the event log
         * @description The hall's event log as NDJSON, one event per line in seq order ({ seq, type, at, … } as the live feed sends it, without citizens' ID marks), for archives and audits; page on with ?after= the X-Tongban-Next-After header. The live log starts at X-Tongban-Live-From: whole days older than the hall's `eventDays` (default 90) are archived as gzip NDJSON in the same format (GET /api/halls/{hall}/archives) and pruned, and asking for events before the live log starts is 410 naming where it starts and where the archives are. Roles: manager, admin.
         */
        get: operations["exportEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhooks
         * @description The hall's webhooks, without their secrets, with how many deliveries wait, went through or failed, and the latest try. Roles: manager, admin.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Add a webhook
         * @description Send the hall's events to a URL: each one POSTed as { id, hall, seq, type, at, data }, signed with X-Tongban-Signature, in seq order, retried for 24 h. The secret is in this reply only. Roles: manager, admin.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/webhooks/{webhook}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a webhook
         * @description Stop sending to a webhook; what it had not received yet is dropped. Roles: manager, admin.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/webhooks/{webhook}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A webhook's deliveries
         * @description A webhook's latest deliveries, newest first: pending, delivered or failed, with the receiver's status codes and tries. Roles: manager, admin.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pairing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a pairing code to show
         * @description For a device that belongs to no hall yet (the /pair page), no token: a six-digit code valid 10 minutes, bound to this browser by the HttpOnly `tongban_pairing` cookie. A manager types it into the hall's console (pairDevice).
         */
        post: operations["requestPairingCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pairing/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether the code was typed in yet
         * @description Asked by the /pair page with its `tongban_pairing` cookie, no token: waiting (with the code), expired (ask for a new code), or paired: then the `tongban_device` cookie is set and `location` is the page to open. Without the cookie: expired.
         */
        get: operations["getPairingStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The hall now
         * @description Categories with their waiting counts and estimated waits, windows with their officer and current ticket, the waiting line in call order (each with `ahead` and an estimated wait), and recent calls. `seq` is the last event applied: open the live feed with `since` set to it. Roles: any.
         */
        get: operations["getHallSnapshot"];
        /**
         * Create or replace a hall
         * @description The hall's name, time zone, alarm line, languages, categories, windows and zones: 201 when the hall is new, 200 when it replaces one. Tickets of the day stay. Roles: admin.
         */
        put: operations["configureHall"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the hall's settings
         * @description The notice line, supervision QR address, alarm line, target wait, languages, no-show rule, priorities, announcer, zones or the appointment caps; name only what changes. More than 50 zones is 409 with details.cap `zones`. Roles: manager, admin.
         */
        patch: operations["updateHallSettings"];
        trace?: never;
    };
    "/api/halls/{hall}/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a ticket
         * @description Takes a number in a category, with a priority (normal, elderly, disabled, appointment, green). Roles: kiosk, manager, admin.
         */
        post: operations["issueTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/windows/{window}/call": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Call the next ticket
         * @description Calls the next ticket this window may call by the hall's policy; `reason` says why it was chosen. A ticket still at the window is finished first and returned as `finished` (hall setting callNextFinishes; when off, 409). `ticket` is null when nobody waits. Roles: counter, manager, admin.
         */
        post: operations["callNext"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/windows/{window}/recall": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Call the window's ticket again
         * @description Announces the window's called ticket once more. Roles: counter, manager, admin.
         */
        post: operations["recallTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/windows/{window}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start serving
         * @description The called citizen has arrived at the window. Roles: counter, manager, admin.
         */
        post: operations["startService"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/windows/{window}/finish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finish serving
         * @description The window's ticket is done; it may now be rated. Roles: counter, manager, admin.
         */
        post: operations["finishService"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/windows/{window}/no-show": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a no-show (过号)
         * @description The called citizen did not come; the ticket may be requeued within the hall's limit. Roles: counter, manager, admin.
         */
        post: operations["markNoShow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/windows/{window}/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign the officer out
         * @description The window has no officer until one signs in. Roles: counter, manager, admin.
         */
        post: operations["signOutOfficer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/windows/{window}/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Name an officer at a window (manager)
         * @description Names the officer on duty at the window by name and badge, with no account, as the screens and the audit log show them; the audit row names the manager who did it. A counter puts an officer on its window with that officer's own PIN or password instead (`signInStaff`). Roles: manager, admin.
         */
        post: operations["signInOfficer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/windows/{window}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Open, pause, close or re-assign a window
         * @description Sets the window's state and the categories it serves, most preferred first. Roles: manager, admin.
         */
        patch: operations["updateWindow"];
        trace?: never;
    };
    "/api/halls/{hall}/tickets/{ticket}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Transfer a ticket
         * @description Moves a ticket to another category, another window, or both; it keeps its number and its place in the line. Roles: counter, manager, admin.
         */
        post: operations["transferTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/tickets/{ticket}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a ticket
         * @description Takes a waiting or called ticket out of the line, with an optional reason. Roles: counter, manager, admin.
         */
        post: operations["cancelTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/tickets/{ticket}/requeue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Requeue a no-show
         * @description Puts a no-show back in the line, at the back, once, within the hall's noShowRequeueMinutes. Roles: counter, manager, admin.
         */
        post: operations["requeueTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the day now
         * @description Cancels unfinished tickets and restarts numbering, as the hall does itself at local midnight. Roles: manager, admin.
         */
        post: operations["resetHallDay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/halls/{hall}/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live feed (WebSocket)
         * @description Upgrade to a WebSocket. With `since`, exactly the events after it, in order, when the log still holds them; otherwise one `{ type: "snapshot", seq, state }` whose state is the hall now; when `since` is before the live log (those events archived and pruned, see GET /api/halls/{hall}/archives), the snapshot also carries `liveFrom` (the first seq the hall holds) and `archives` (the list's address). Then every event as `{ seq, type, at, … }`: `ticket.issued`, `ticket.called`, `ticket.recalled`, `ticket.serving`, `ticket.finished`, `ticket.no_show`, `ticket.requeued`, `ticket.transferred`, `ticket.cancelled`, `ticket.rated`, `window.updated`, `hall.reset`, `hall.configured`, … Send the text `ping` for `pong` without waking the hall; a message over 4 KB closes the socket with 1009, more than 20 in 10 s with 1008. Browser upgrades must come from this server's origin or one in `TONGBAN_ALLOWED_ORIGINS`. Roles: any.
         */
        get: operations["watchHall"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Health check
         * @description Answers `{ ok: true }` without touching any hall: for a load balancer or a monitor. A deployment reporting to an upstream (`TONGBAN_UPSTREAM`) adds `upstream`: whether the upstream's own health check answers. With `?hall=`, `hall` says how that hall's reports to its region fare (it wakes that hall): where they go, the last one's age on the hall's clock, and since when they fail. `ok` stays true: it says this process answers.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dev/wakes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Hall wake counts (development only)
         * @description How many times each hall object in this isolate woke from eviction or hibernation, and how many requests, socket messages and alarms it handled. Only with `TONGBAN_MODE=development`; 404 otherwise.
         */
        get: operations["getDevWakeCounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dev/bench/{hall}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Play a bench day in a hall (development only)
         * @description For `npm run bench:year`: configures a bench hall, plays a day of tickets inside the hall's object on the bench's clock (each command the whole way a request's goes there, then the midnight alarm), measures its database, evicts it, or wakes it; for the browser suite, tries a write over the platform's row limit in any hall (`oversize`), which the storage guard refuses and the manager console shows. Only with `TONGBAN_MODE=development`; 404 otherwise. Roles: admin.
         */
        post: operations["runDevBench"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            /**
             * @description What went wrong, for a person to read
             * @example window 5 is paused
             */
            error: string;
            /**
             * @description For programs: `invalid` a field is missing or wrong (400); `details` names it; `unauthorized` no credential, or one that is not (or no longer) valid (401); `forbidden` the caller may not do this here (403); `not_found` no such hall, thing or endpoint (404); `unknown_hall` the hall is not configured (404); `unknown_category` no such category in this hall (404); `unknown_content` no such content item in this hall or region (404); `unknown_window` no such window in this hall (404); `unknown_ticket` no such ticket today (404); `unknown_staff` no such staff account (404); `unknown_appointment` no such appointment (404); `unknown_block` no such booking block in this hall (404); `conflict` a hall rule says no, or a commandId was used for another command (409); `archived` what was asked for is no longer in the hall but in its archives (410): `details.archives` names where; `too_large` the body is over 16 KB (413); `upgrade_required` a WebSocket endpoint asked without Upgrade: websocket (426); `too_many` too many tries or waiting devices (429): `details.retryAfterSeconds` and Retry-After say when to try again; `not_configured` the server lacks a secret it needs (503); `internal` a fault of ours (500): retry with the same commandId; `upstream_unreachable` the deployment holding the regions (TONGBAN_UPSTREAM) could not be asked (503): try again.
             * @example conflict
             * @enum {string}
             */
            code: "invalid" | "unauthorized" | "forbidden" | "not_found" | "unknown_hall" | "unknown_category" | "unknown_content" | "unknown_window" | "unknown_ticket" | "unknown_staff" | "unknown_appointment" | "unknown_block" | "conflict" | "archived" | "too_large" | "upgrade_required" | "too_many" | "not_configured" | "internal" | "upstream_unreachable";
            /**
             * @description The fields or values concerned, e.g. the bad field and what is wrong with it
             * @example {
             *       "window": "5"
             *     }
             */
            details: {
                [key: string]: unknown;
            };
            /** @description A refused validation only (`invalid`): each field's problem and bound, so a client can say it in its own language */
            fields?: components["schemas"]["FieldProblem"][];
        };
        FieldProblem: {
            /**
             * @description The field's dotted path, "(body)" for the whole body
             * @example password
             */
            field: string;
            /**
             * @description What kind of rule the field broke
             * @example too_small
             * @enum {string}
             */
            problem: "required" | "invalid_type" | "too_small" | "too_big" | "invalid_format" | "invalid_value" | "unknown_field" | "invalid";
            /**
             * @description What a bound counts: string (characters), number, array (items)
             * @example string
             */
            of?: string;
            /** @example 8 */
            minimum?: number;
            maximum?: number;
            /**
             * @description The type wanted, for invalid_type
             * @example number
             */
            expected?: string;
            /**
             * @description The format wanted, for invalid_format
             * @example regex
             */
            format?: string;
            /** @description The values allowed, for invalid_value, as text */
            values?: string[];
            /**
             * @description For invalid: the rule the field broke — past (a day already gone), either (needs this or another field), duplicate (listed twice), unknown (names nothing in the hall), beyond (past another setting, see maximum), cycle (a region under itself), date (no such calendar day), order (an end not after its start), place (latitude or longitude out of range)
             * @example past
             * @enum {string}
             */
            rule?: "past" | "either" | "duplicate" | "unknown" | "beyond" | "cycle" | "date" | "order" | "place";
        };
        Region: {
            name: {
                "zh-Hans": string;
                "zh-Hant"?: string;
                en?: string;
            };
            /** @description The region above (it must exist), or null for a top region */
            parent: string | null;
        };
        RegionFigures: {
            region: string;
            name: {
                "zh-Hans": string;
                "zh-Hant"?: string;
                en?: string;
            };
            parent: string | null;
            totals: {
                halls: number;
                waiting: number;
                windowsOpen: number;
                windowsTotal: number;
                issuedToday: number;
                servedToday: number;
                meanWaitMinutes: number | null;
                /** @description Halls over the line */
                overLine: number;
            };
            regions: {
                region: string;
                name: {
                    "zh-Hans": string;
                    "zh-Hant"?: string;
                    en?: string;
                };
                totals: {
                    halls: number;
                    waiting: number;
                    windowsOpen: number;
                    windowsTotal: number;
                    issuedToday: number;
                    servedToday: number;
                    meanWaitMinutes: number | null;
                    /** @description Halls over the line */
                    overLine: number;
                };
            }[];
            halls: {
                hall: string;
                name: string;
                region: string | null;
                waiting: number;
                windowsOpen: number;
                windowsTotal: number;
                oldestWaitMinutes: number | null;
                meanWaitMinutes: number | null;
                p90WaitMinutes: number | null;
                issuedToday: number;
                servedToday: number;
                /** @description The oldest waiting ticket is past the hall's alarm line, or today's mean wait is */
                overLine: boolean;
                /** @description A busy hall that has not reported for 2 minutes */
                stale: boolean;
                reportedAt: string;
            }[];
        };
        ContentItem: {
            id: string;
            /** @enum {string} */
            kind: "notice" | "image" | "guide";
            seconds: number;
            order: number;
            schedule: components["schemas"]["ContentSchedule"];
            /** @description Published by this region: the hall may only hide it */
            region?: string;
            media?: {
                src: string;
                type: string;
                bytes: number;
                hash: string;
            };
            createdAt: string;
            updatedAt: string;
        } & {
            [key: string]: unknown;
        };
        /** @description When the item is shown, in the hall's time zone; an absent field does not limit */
        ContentSchedule: {
            /**
             * @description First day shown (the hall's local date)
             * @example 2026-12-01
             */
            from?: string;
            /**
             * @description Last day shown, included
             * @example 2026-12-31
             */
            to?: string;
            /**
             * @description ISO weekdays: 1 Monday … 7 Sunday
             * @example [
             *       1,
             *       2,
             *       3,
             *       4,
             *       5
             *     ]
             */
            weekdays?: number[];
            /**
             * @description Times of day, the hall's wall clock; from included, to not
             * @example [
             *       {
             *         "from": "09:00",
             *         "to": "12:00"
             *       }
             *     ]
             */
            hours?: {
                from: string;
                to: string;
            }[];
        };
        ContentItemNew: {
            /** @enum {string} */
            kind: "notice";
            /** @description Zones whose screens show it; absent: every screen */
            zones?: string[];
            /**
             * @description Seconds on screen, 3 to 120
             * @default 10
             */
            seconds?: number;
            /** @description Lower plays first; absent: after the others */
            order?: number;
            schedule?: components["schemas"]["ContentSchedule"];
            /** @description Kept but not shown */
            hidden?: boolean;
            title?: {
                "zh-Hans": string;
                "zh-Hant"?: string;
                en?: string;
            };
            /** @description The notice; no markup: it is shown as text */
            text: {
                "zh-Hans": string;
                "zh-Hant"?: string;
                en?: string;
            };
            /** @description A fresh id per button press; a retry with the same id returns the first reply and applies once. */
            commandId?: string;
        } | {
            /** @enum {string} */
            kind: "guide";
            /** @description Zones whose screens show it; absent: every screen */
            zones?: string[];
            /**
             * @description Seconds on screen, 3 to 120
             * @default 10
             */
            seconds?: number;
            /** @description Lower plays first; absent: after the others */
            order?: number;
            schedule?: components["schemas"]["ContentSchedule"];
            /** @description Kept but not shown */
            hidden?: boolean;
            /** @description The category it is for */
            category?: string;
            title: {
                "zh-Hans": string;
                "zh-Hant"?: string;
                en?: string;
            };
            /** @description Required materials (所需材料), one per line */
            materials: {
                "zh-Hans": string;
                "zh-Hant"?: string;
                en?: string;
            }[];
            fee?: {
                "zh-Hans": string;
                "zh-Hant"?: string;
                en?: string;
            };
            /** @description 办理时限 */
            timeLimit?: {
                "zh-Hans": string;
                "zh-Hant"?: string;
                en?: string;
            };
            /** @description Where to go (办理地点) */
            where?: {
                "zh-Hans": string;
                "zh-Hant"?: string;
                en?: string;
            };
            /** @description A fresh id per button press; a retry with the same id returns the first reply and applies once. */
            commandId?: string;
        };
        /** @description Only what changes; null removes an optional field. A region's item takes only `hidden`. */
        ContentItemChange: {
            zones?: string[] | null;
            seconds?: number;
            /** @description Lower plays first; absent: after the others */
            order?: number;
            schedule?: components["schemas"]["ContentSchedule"];
            /** @description Kept but not shown */
            hidden?: boolean;
            title?: {
                "zh-Hans": string;
                "zh-Hant"?: string;
                en?: string;
            } | null;
            /** @description The notice; no markup: it is shown as text */
            text?: {
                "zh-Hans": string;
                "zh-Hant"?: string;
                en?: string;
            };
            caption?: {
                "zh-Hans": string;
                "zh-Hant"?: string;
                en?: string;
            } | null;
            category?: string | null;
            /** @description Required materials (所需材料), one per line */
            materials?: {
                "zh-Hans": string;
                "zh-Hant"?: string;
                en?: string;
            }[];
            fee?: {
                "zh-Hans": string;
                "zh-Hant"?: string;
                en?: string;
            } | null;
            timeLimit?: {
                "zh-Hans": string;
                "zh-Hant"?: string;
                en?: string;
            } | null;
            where?: {
                "zh-Hans": string;
                "zh-Hant"?: string;
                en?: string;
            } | null;
            /** @description A fresh id per button press; a retry with the same id returns the first reply and applies once. */
            commandId?: string;
        };
        RegionReport: {
            report: components["schemas"]["HallReport"];
            /** @description The version of the region's content the hall holds; 0 for none */
            held: number;
            /** @description The hall came to (or, in a departure, left) the region since its last report */
            placed: boolean;
            /**
             * @description The version of each region's content the hall holds (the regions above its own are read from here)
             * @example {
             *       "gx-wuzhou": 3,
             *       "gx": 7
             *     }
             */
            holds?: {
                [key: string]: number;
            };
        };
        /** @description The hall's throttled summary (worker/regions/summary.ts): the same a local hall hands its region */
        HallReport: {
            hall: string;
            name: string;
            region: string;
            seq: number;
            reportedAt: number;
            day: string;
            waiting: number;
            beingServed: number;
            windowsOpen: number;
            windowsTotal: number;
            officersOnDuty: number;
            oldestQueuedAt: number | null;
            alarmMinutes: number;
            waitsCounted: number;
            meanWaitMinutes: number | null;
            p90WaitMinutes: number | null;
            issuedToday: number;
            servedToday: number;
            categories: {
                id: string;
                names: {
                    [key: string]: string;
                };
                waiting: number;
                estimatedWaitMinutes: number | null;
            }[];
            location: {
                lat: number;
                lng: number;
            } | null;
            address: string | null;
            /** @enum {boolean} */
            gone?: true;
        };
        WindowReply: {
            window: components["schemas"]["Window"];
        };
        Window: {
            id: string;
            number: number;
            label: string;
            /** @enum {string} */
            state: "open" | "paused" | "closed";
            categories: string[];
            officer: {
                id?: string;
                name: string;
                badge: string;
            } | null;
            /**
             * @description Its shift has ended: it serves the citizen at it, calls nobody new, and pauses once they leave
             * @enum {boolean}
             */
            closing?: true;
            /** @description The id of the ticket at the window */
            current: string | null;
        };
        WindowAction: {
            /** @description A fresh id per button press; a retry with the same id returns the first reply and applies once. */
            commandId?: string;
        };
        StaffSignIn: {
            window: string;
            /** @description The officer's own PIN. */
            pin?: string;
            /** @description The officer's own password (a PIN typed here counts too). */
            password?: string;
            /** @description A fresh id per button press; a retry with the same id returns the first reply and applies once. */
            commandId?: string;
        };
        StaffMember: {
            id: string;
            name: string;
            badge: string;
            /** @enum {string} */
            role: "officer" | "auxiliary" | "lead";
            /** @enum {string} */
            access: "manager" | "counter";
            hasPin: boolean;
            hasPassword: boolean;
        };
        WindowOfficer: {
            id: string;
            name: string;
            badge: string;
        };
        KioskIssueReply: {
            ticket: components["schemas"]["Ticket"];
            ahead: number;
            estimatedWaitMinutes: number | null;
            /** @description The citizen's status page, /t/{token}; null without `TONGBAN_TICKET_SECRET` */
            statusPath: string | null;
        };
        /** @description The ticket; no part of an ID number is kept or echoed, only a keyed per-day hash the hall holds */
        Ticket: {
            /** @example 20261123-A023 */
            id: string;
            /** @example A023 */
            number: string;
            category: string;
            /** @enum {string} */
            priority: "normal" | "elderly" | "disabled" | "appointment" | "green";
            /** @enum {string} */
            status: "waiting" | "called" | "serving" | "done" | "no_show" | "cancelled";
            issuedAt: string;
            queuedAt: string;
            calledAt: string | null;
            servedAt: string | null;
            finishedAt: string | null;
            window: string | null;
            targetWindow: string | null;
            officer: {
                id?: string;
                name: string;
                badge: string;
            } | null;
            callCount: number;
            transfers: {
                at: string;
                from: {
                    category: string;
                    window: string | null;
                };
                to: {
                    category: string;
                    window: string | null;
                };
            }[];
            noShowAt: string | null;
            requeues: number;
            cancelReason: string | null;
            /** @description The citizen's 1–5 score, once the ticket is done and rated */
            rating?: {
                score: number;
                at: string;
            };
        };
        KioskIssue: {
            category: string;
            /**
             * @default normal
             * @enum {string}
             */
            priority?: "normal" | "elderly" | "disabled" | "green";
            /**
             * @description 18-digit PRC ID number; only a keyed hash and the last 4 digits are kept
             * @example 11010519491231002X
             */
            idNumber?: string;
            /** @description A fresh id per button press; a retry with the same id returns the first reply and applies once. */
            commandId?: string;
        };
        WindowCheckIn: {
            /**
             * @description The booking's or the ticket from home's check-in code
             * @example 482913
             */
            code: string;
            /** @description A fresh id per button press; a retry with the same id returns the first reply and applies once. */
            commandId?: string;
        };
        BookingSlot: {
            /** @example 09:00 */
            from: string;
            /** @example 09:30 */
            to: string;
            /** @description Bookings this half hour takes: window-minutes for the service × bookingShare ÷ its service minutes */
            capacity: number;
            booked: number;
            /** @description Room left, not begun and not blocked: offered to citizens */
            open: boolean;
            /** @description Why the hall closed this half hour to bookings (a meeting, an outage), or null */
            blocked: string | null;
            /** @description The block's id, or null */
            block: string | null;
        };
        BookingReply: {
            /**
             * @description Checked in at the kiosk on the day
             * @example 482913
             */
            code: string;
            date: string;
            from: string;
            to: string;
            category: string;
            /** @description The booking's status page (cancel there), a signed link */
            statusUrl: string;
        };
        Booking: {
            category: string;
            date: string;
            from: string;
            /**
             * @description 18-digit PRC ID number; only a keyed hash and the last 4 digits are kept
             * @example 11010519491231002X
             */
            idNumber: string;
            /**
             * @description Kept until the booking's day plus 7 days; managers see it masked
             * @example 13812345678
             */
            mobile: string;
        };
        RemoteTicketReply: {
            /**
             * @description Checked in at the kiosk (or a window) on arrival; until then the ticket is on the way
             * @example 482913
             */
            code: string;
            ticket: {
                id: string;
                number: string;
                category: string;
                status: string;
            } & {
                [key: string]: unknown;
            };
            ahead: number;
            /** @description The status page's own estimate */
            estimatedWaitMinutes: number | null;
            /** @description The ticket's status page, a signed link: it rings when called and says why if the ticket expires */
            statusUrl: string;
        };
        RemoteTicket: {
            category: string;
            /**
             * @description 18-digit PRC ID number; only a keyed hash and the last 4 digits are kept
             * @example 11010519491231002X
             */
            idNumber: string;
            /**
             * @description Kept until the day plus 7 days, for reminders; managers see it masked
             * @example 13812345678
             */
            mobile: string;
        };
        BookingBoard: {
            date: string;
            category: string;
            /** @description The days citizens may book, as the booking page offers them */
            days: string[];
            slots: components["schemas"]["BookingSlot"][];
            /** @description Every block from today on */
            blocks: components["schemas"]["BookingBlock"][];
            /** @description Bookings kept on a blocked day or half hour, not yet checked in: the hall calls each */
            toCall: {
                block: string;
                code: string;
                day: string;
                slot: string | null;
                category: string;
                note: string | null;
                /** @description Whole, for the call: this list only */
                mobile: string | null;
                contacted: boolean;
            }[];
            noShows: {
                code: string;
                day: string;
                slot: string;
                category: string;
                /** @description Masked */
                mobile: string | null;
            }[];
            blockedPeople: {
                /** @description The start of the hall's keyed hash of the ID number */
                person: string;
                noShows: number;
                until: string;
                mobile: string | null;
            }[];
        };
        BookingBlock: {
            /** @example 2026-12-09.1000.* */
            id: string;
            day: string;
            /** @description The half hour; null for the whole day */
            from: string | null;
            /** @description One service; null for every service */
            category: string | null;
            reason: string;
            blockedAt: string;
            /** @description Codes of the bookings on it marked 已通知 */
            contacted: string[];
        };
        BookingBlockRequest: {
            date: string;
            /** @description One half hour; absent or null blocks the whole day */
            from?: string | null;
            /** @description One service; absent or null blocks every service */
            category?: string | null;
            /** @example 消防演练 fire drill */
            reason: string;
            /** @description A fresh id per button press; a retry with the same id returns the first reply and applies once. */
            commandId?: string;
        };
        BookingContacted: {
            code: string;
        };
        StorageAlarmsAcknowledged: {
            acknowledged: number;
        };
        StaffAccount: {
            name: string;
            badge: string;
            /**
             * @default officer
             * @enum {string}
             */
            role?: "officer" | "auxiliary" | "lead";
            /** @description A new PIN; null removes it; absent keeps it. Stored hashed, never returned. */
            pin?: string | null;
            /**
             * @description What the person may do when signed in: manager or counter. Absent keeps it; a new account gets counter.
             * @enum {string}
             */
            access?: "manager" | "counter";
            /** @description A new sign-in password; null removes it (and ends the person's sessions); absent keeps it. Stored hashed, never returned. */
            password?: string | null;
            /** @description A fresh id per button press; a retry with the same id returns the first reply and applies once. */
            commandId?: string;
        };
        BookAppointment: {
            category: string;
            /** @description The day booked for; today when absent */
            day?: string;
            /** @description The booking system's reference; no personal data */
            note?: string;
            /** @description A fresh id per button press; a retry with the same id returns the first reply and applies once. */
            commandId?: string;
        };
        Appointment: {
            code: string;
            category: string;
            day: string;
            note: string | null;
            bookedAt: string;
            /** @description The ticket id issued at check-in; null until then */
            ticket: string | null;
        };
        Preview: {
            windows: {
                window: string;
                /** @enum {string} */
                state?: "open" | "paused" | "closed";
                categories?: string[];
            }[];
        };
        AuditEntry: {
            id: number;
            at: string;
            role: string;
            /** @description Who: a token's name, or a signed-in person with their badge; never a token */
            actor: string;
            device: string | null;
            /** @example call */
            action: string;
            /** @example window:5 */
            target: string | null;
            commandId: string | null;
            detail: string | null;
            /** @description The first event the action made; null for none */
            seqFrom: number | null;
            seqTo: number | null;
        };
        ArchiveList: {
            /** @description Events first, then audit; each oldest day first */
            archives: components["schemas"]["Archive"][];
            /** @description Where the hall's own logs start; everything before is in the archives */
            liveFrom: {
                /** @description The first seq still in the hall (GET /events?after= from one before it) */
                events: number;
                /** @description The first audit id still in the hall */
                audit: number;
            };
        };
        Archive: {
            /**
             * @description `events` (the event log, as GET /events sends it) or `audit` (audit rows, as GET /audit sends them)
             * @enum {string}
             */
            kind: "events" | "audit";
            /**
             * @description The hall's local day the rows were written on
             * @example 2026-09-01
             */
            day: string;
            /** @description 1, or 2, 3, … for a day too big for one file (at most 25,000 rows or 8 MiB before gzip each) */
            part: number;
            /** @description The first seq (events) or audit id in the file */
            first: number;
            /** @description The last seq or audit id in the file */
            last: number;
            /** @description Lines in the file: one row each */
            rows: number;
            /** @description The file's size, gzipped */
            bytes: number;
            /** @description When the hall archived it (ISO) */
            archivedAt: string;
            /**
             * @description Where to download it
             * @example /api/halls/demo/archives/events/2026-09-01.ndjson.gz
             */
            url: string;
        };
        Session: {
            staff: string;
            name: string;
            badge: string;
            /** @enum {string} */
            access: "manager" | "counter";
            expiresAt: string;
        };
        StaffSignInWithPassword: {
            badge: string;
            password: string;
        };
        Stats: {
            hall: string;
            timezone: string;
            today: string;
            from: string;
            to: string;
            by: string;
            /** @enum {string} */
            per: "range" | "day";
            total: components["schemas"]["StatsRow"] | null;
            rows: components["schemas"]["StatsRow"][];
            /** @description Days of the range still being counted from the log (a hall that ran before statistics were kept): ask again */
            pendingDays: string[];
        };
        StatsRow: {
            from: string;
            to: string;
            by: string;
            /** @description Category id, window id, officer badge ("" for nobody signed in), hour "09", or "all" */
            key: string;
            /** @example 户政 */
            label: string;
            issued: number;
            served: number;
            noShows: number;
            transfers: number;
            /** @description Ticket issued → first call, minutes */
            wait: {
                count: number;
                meanMinutes: number | null;
                medianMinutes: number | null;
                p90Minutes: number | null;
                maxMinutes: number | null;
            };
            /** @description Start of service at the finishing window → finish, minutes */
            service: {
                count: number;
                meanMinutes: number | null;
                medianMinutes: number | null;
                p90Minutes: number | null;
                maxMinutes: number | null;
            };
            satisfaction: {
                meanScore: number | null;
                count: number;
                /** @description 好评率: share of 非常满意 and 满意 (4, 5), percent */
                goodRate: number | null;
                /** @description 差评: ratings of 1 or 2, each followed up (GET …/follow-ups) */
                bad: number;
            };
        };
        StaffingAdvice: {
            hall: string;
            day: string;
            at: string;
            targets: {
                targetWaitMinutes: number;
                alarmMinutes: number;
                withinAlarm: number;
            };
            live: {
                open: number;
                needed: number;
                categories: unknown[];
            } & {
                [key: string]: unknown;
            };
            daily: {
                expectedVolume: number;
                /** @enum {string} */
                basis: "last_week" | "today";
                laibin?: unknown;
                peak?: unknown;
            } & {
                [key: string]: unknown;
            };
        };
        TicketReply: {
            ticket: components["schemas"]["Ticket"];
        };
        Rating: {
            /**
             * @description 1 (very unhappy) to 5 (very happy)
             * @example 5
             */
            score: number;
            /** @description For 不满意/非常不满意 (1 or 2) only: 服务效率 efficiency, 服务水平 skill, 服务态度 attitude, 其他 other */
            reasons?: ("efficiency" | "skill" | "attitude" | "other")[];
            /** @description A fresh id per button press; a retry with the same id returns the first reply and applies once. */
            commandId?: string;
        };
        CitizenRating: {
            rating: {
                /** @example A023 */
                ticket: string;
                score: number;
                at: string;
            };
        };
        Evaluation: {
            rating: {
                /** @example C023 */
                ticket: string;
                score: number;
                reasons: string[];
                at: string;
            };
        };
        FollowUpContact: {
            /**
             * @description The rated ticket's id (the evaluator's data-ask-id)
             * @example 2031-03-04-C001
             */
            ticket: string;
            /**
             * @description A mainland mobile number for the call back
             * @example 13812345678
             */
            mobile: string;
            /** @description A fresh id per button press; a retry with the same id returns the first reply and applies once. */
            commandId?: string;
        };
        FollowUp: {
            id: number;
            ticket: string;
            number: string;
            category: string;
            window: string | null;
            officer: {
                name: string;
                badge: string;
            } | null;
            score: number;
            reasons: string[];
            ratedAt: string;
            /** @enum {string} */
            state: "open" | "done";
            note: string | null;
            doneAt: string | null;
            doneBy: string | null;
            /**
             * @description The call-back number the citizen left at the evaluator, masked; null if none (or forgotten 30 days after the follow-up was done)
             * @example 138****5678
             */
            mobile: string | null;
            /**
             * @description The whole number to call, on open follow-ups only, for managers (the one place it is shown)
             * @example 13812345678
             */
            callNumber?: string | null;
        };
        FollowUpDone: {
            /** @enum {string} */
            state: "done";
            note: string;
            /** @description A fresh id per button press; a retry with the same id returns the first reply and applies once. */
            commandId?: string;
        };
        AppliedPlan: {
            date: string;
            windows: {
                id: string;
                categories: string[];
                shifts: {
                    opens: string;
                    closes: string;
                }[];
            }[];
            windowHours: number;
            basedOn: string[];
            savedAt: string;
            savedBy: string;
        };
        AppliedPlanBody: {
            /** @description The windows the plan runs; the hall's other windows are left as they are */
            windows: {
                id: string;
                /** @description Most preferred first, as the call policy reads them */
                categories: string[];
                /** @description In order, each at least an hour, none overlapping */
                shifts: {
                    /** @example 10:00 */
                    opens: string;
                    /** @example 12:00 */
                    closes: string;
                }[];
            }[];
            /**
             * @description The days of history the plan came from (GET /plan's basedOn.days)
             * @default []
             */
            basedOn?: string[];
            /** @description A fresh id per button press; a retry with the same id returns the first reply and applies once. */
            commandId?: string;
        };
        DayPlan: {
            feasible: boolean;
            windows: {
                id: string;
                categories: string[];
                shifts: {
                    /** @example 08:30 */
                    opens: string;
                    /** @example 12:00 */
                    closes: string;
                }[];
            }[];
            windowHours: number;
            laibin: {
                windows: number;
                windowHours: number;
            };
            simulated: {
                overall?: unknown;
                categories?: unknown;
            };
            shortfall: {
                from: string;
                to: string;
                extraWindows: number;
            }[];
            basedOn: {
                /** @description The same weekdays of the last four weeks that had tickets */
                days: string[];
            };
            /** @description The hall's plan rules the plan keeps (hall setting planRules) */
            rules: {
                minShiftMinutes: number;
                maxShifts: number;
                keepCategories: boolean;
            };
            /** @description Why each of the hall's windows is closed when it is: not needed all day, a quiet spell, no citizen for its categories, or beyond the windows allowed */
            closed: {
                window: string;
                from: string;
                to: string;
                /** @enum {string} */
                reason: "not-needed" | "quiet" | "no-demand" | "beyond-limit";
                /** @description Citizens expected then for the categories the window serves */
                citizens: number;
            }[];
            /** @description Citizens per half hour: forecast from history, and booked for the day (both planned for) */
            load: {
                from: string;
                to: string;
                forecast: number;
                booked: number;
            }[];
        };
        Device: {
            id: string;
            /** @enum {string} */
            kind: "main-screen" | "window-screen" | "data-wall" | "announcer" | "kiosk" | "counter" | "evaluator";
            name: string;
            zone: string | null;
            window: string | null;
            pairedAt: string;
        };
        DevicePair: {
            /** @example 048213 */
            code: string;
            /** @enum {string} */
            kind: "main-screen" | "window-screen" | "data-wall" | "announcer" | "kiosk" | "counter" | "evaluator";
            /** @example 东区主屏 */
            name: string;
            zone?: string | null;
            window?: string | null;
        };
        DeviceHealth: {
            id: string;
            /** @enum {string} */
            kind: "main-screen" | "window-screen" | "data-wall" | "announcer" | "kiosk" | "counter" | "evaluator";
            name: string;
            zone: string | null;
            window: string | null;
            pairedAt: string;
            online: boolean;
            onlineSince: string | null;
            lastSeenAt: string | null;
            userAgent: string | null;
            screen: {
                width: number | null;
                height: number | null;
            };
            /** @description announcers only: whether the page's sound is on */
            sound?: boolean | null;
            version: string | null;
        };
        DeviceMove: {
            /** @enum {string} */
            kind?: "main-screen" | "window-screen" | "data-wall" | "announcer" | "kiosk" | "counter" | "evaluator";
            name?: string;
            zone?: string | null;
            window?: string | null;
        };
        Webhook: {
            id: string;
            url: string;
            events: string[];
            description: string | null;
            createdAt: string;
            createdBy: string;
            /** @description The hall's seq when it was created: it receives the events after it; GET …/events?after= gives the earlier ones */
            startsAfter: number;
            /** @description Deliveries carry the citizen's mobile number */
            mobile: boolean;
        };
        WebhookCreate: {
            /** @example https://sms.example.gov.cn/tongban/near */
            url: string;
            /**
             * @description Event types to receive; `*` for every one
             * @example [
             *       "ticket.near",
             *       "ticket.called"
             *     ]
             */
            events: ("hall.configured" | "hall.reset" | "ticket.issued" | "ticket.called" | "ticket.recalled" | "ticket.serving" | "ticket.finished" | "ticket.no_show" | "ticket.requeued" | "ticket.transferred" | "ticket.cancelled" | "ticket.rated" | "ticket.held" | "ticket.arrived" | "window.updated" | "staff.updated" | "appointment.booked" | "appointment.cancelled" | "bookings.blocked" | "bookings.unblocked" | "bookings.contacted" | "content.changed" | "content.synced" | "ticket.near" | "booking.made" | "booking.reminder" | "booking.cancelled" | "*")[];
            /** @example 短信提醒平台 */
            description?: string;
            /** @description Issue 26: `booking.*` deliveries and `ticket.near` of a ticket from home carry the citizen's mobile number (for an SMS gateway); default false. While any webhook has it on, the booking page tells the citizen */
            mobile?: boolean;
        };
        WebhookHealth: {
            id: string;
            url: string;
            events: string[];
            description: string | null;
            createdAt: string;
            createdBy: string;
            /** @description The hall's seq when it was created: it receives the events after it; GET …/events?after= gives the earlier ones */
            startsAfter: number;
            /** @description Deliveries carry the citizen's mobile number */
            mobile: boolean;
            pending: number;
            /** @description Delivered in the last 7 days */
            delivered: number;
            /** @description Given up after 24 h, in the last 7 days */
            failed: number;
            lastAttempt: {
                at: string;
                /** @description The receiver's HTTP status; null when it could not be reached or did not answer in 10 s */
                status: number | null;
                error: string | null;
                ms: number;
            } | null;
        };
        WebhookDelivery: {
            /** @description The delivery's place in this webhook's queue */
            id: number;
            /**
             * @description The id the receiver gets in the body (the same on every try)
             * @example demo-42
             */
            delivery: string;
            seq: number;
            type: string;
            /** @enum {string} */
            state: "pending" | "delivered" | "failed";
            attempts: number;
            queuedAt: string;
            nextAttemptAt: string | null;
            doneAt: string | null;
            lastStatus: number | null;
            lastError: string | null;
            /** @description The latest tries, newest first (at most 5) */
            tries: {
                at: string;
                /** @description The receiver's HTTP status; null when it could not be reached or did not answer in 10 s */
                status: number | null;
                error: string | null;
                ms: number;
            }[];
        };
        PairingStatus: {
            /** @enum {string} */
            state: "waiting";
            /** @example 048213 */
            code: string;
            expiresAt: string;
            /** @description count down with this: a TV box's own clock is often wrong */
            expiresInSeconds: number;
        } | {
            /** @enum {string} */
            state: "expired";
        } | {
            /** @enum {string} */
            state: "paired";
            /** @example /halls/demo/display */
            location: string;
        };
        HallSnapshot: {
            hall: {
                id: string;
                name: string;
                timezone: string;
                day: string;
                alarmMinutes: number;
            } & {
                [key: string]: unknown;
            };
            seq: number;
            zones: components["schemas"]["Zone"][];
            categories: ({
                id: string;
                prefix: string;
                names?: unknown;
                waiting: number;
                estimatedWaitMinutes: number | null;
            } & {
                [key: string]: unknown;
            })[];
            windows: components["schemas"]["WindowNow"][];
            waiting: (components["schemas"]["Ticket"] & {
                ahead: number;
                estimatedWaitMinutes: number | null;
            })[];
            recentCalls: {
                callId: string;
                at: string;
                recall: boolean;
                ticket: {
                    id: string;
                    number: string;
                    category: string;
                };
                window: {
                    id: string;
                    number: number;
                    label: string;
                };
            }[];
        };
        /** @description An area of the hall with its own screens and speakers (?zone= on the display, dashboard and announcer pages) */
        Zone: {
            id: string;
            names: {
                "zh-Hans": string;
                "zh-Hant": string;
                en: string;
            };
            /** @description Window ids; a window belongs to at most one zone */
            windows: string[];
        };
        WindowNow: {
            id: string;
            number: number;
            label: string;
            /** @enum {string} */
            state: "open" | "paused" | "closed";
            categories: string[];
            officer: {
                id?: string;
                name: string;
                badge: string;
            } | null;
            /**
             * @description Its shift has ended: it serves the citizen at it, calls nobody new, and pauses once they leave
             * @enum {boolean}
             */
            closing?: true;
            current: ((components["schemas"]["Ticket"] | null) | null) | components["schemas"]["Ticket"] | null;
        };
        HallConfig: {
            name: string;
            /** @default Asia/Shanghai */
            timezone?: string;
            /** @default 10 */
            alarmMinutes?: number;
            /** @default 8.2 */
            targetWaitMinutes?: number;
            /**
             * @default [
             *       "cmn-Hans",
             *       "yue-Hant"
             *     ]
             */
            languages?: ("cmn-Hans" | "yue-Hant" | "en")[];
            /** @default 30 */
            noShowRequeueMinutes?: number;
            /** @default 2 */
            orderBonusMinutes?: number;
            /** @default  */
            notice?: string;
            /**
             * Format: uri
             * @default null
             */
            supervisionUrl?: string | null;
            priorities?: ("elderly" | "disabled" | "appointment" | "green")[];
            /** @description Call next finishes the ticket at the window first (one press per citizen); default true */
            callNextFinishes?: boolean;
            /** @description The hall opens, pauses and re-assigns windows itself at the shift changes of the day's applied plan; default false */
            autoOpen?: boolean;
            /** @description Webhooks get `ticket.near` once when a waiting ticket has this many people or fewer ahead; default 3 */
            nearAhead?: number;
            /** @description Minutes without a call in a zone before its main screen plays content full screen (idle mode); default 5, 0 never */
            idleMinutes?: number;
            booking?: components["schemas"]["BookingSettings"];
            /** @description Days ahead an appointment may be booked (0: today only); default 30. A booking further ahead is 409 with details.cap `appointments.horizonDays` */
            appointmentDays?: number;
            /** @description Appointments one day holds at most; default 500. One more is 409 with details.cap `appointments.perDay` */
            appointmentsPerDay?: number;
            /** @description Hours a reply to a commandId is kept, so a retried press is answered, not applied again; default 48, 24–720 */
            replyHours?: number;
            /** @description Days events stay in the live log; older whole days are archived (GET /api/halls/{hall}/archives), then pruned; default 90, 7–3660 */
            eventDays?: number;
            /** @description Days audit rows stay in the hall; older whole days are archived, then pruned; default 180, never fewer than 180 (six months of logs) */
            auditDays?: number;
            planRules?: components["schemas"]["PlanRules"];
            /** @description Share of a service's waiting line that may be tickets joined from home and not yet checked in (at least one while above 0); default 0.3, 0 turns joining from home off. One more is 409 with details.cap `remoteShare` */
            remoteShare?: number;
            /** @description Times a ticket joined from home, not yet checked in, steps back behind the next waiting citizen before it expires; default 3 */
            remoteHolds?: number;
            /** @description Minutes a called citizen may take to reach the window before the manager console and the data wall show an alarm naming the ticket and window; default 5 */
            calledAlarmMinutes?: number;
            /**
             * @description The region (any level) the hall reports its figures to; it must exist
             * @example gx-wuzhou
             */
            region?: string;
            /** @description Where the hall is (WGS-84), for the public list's nearest first */
            location?: {
                lat: number;
                lng: number;
            };
            /** @description The street address the public list shows */
            address?: string;
            /**
             * @default {
             *       "repeat": 2,
             *       "rate": 1,
             *       "volume": 1,
             *       "chime": true
             *     }
             */
            announcer?: {
                /**
                 * @description How many times the whole call is spoken
                 * @default 2
                 */
                repeat?: number;
                /**
                 * @description Speaking rate of speech voices; 1 is normal
                 * @default 1
                 */
                rate?: number;
                /** @default 1 */
                volume?: number;
                /**
                 * @description A chime before the call
                 * @default true
                 */
                chime?: boolean;
            };
            categories: components["schemas"]["CategoryConfig"][];
            windows: components["schemas"]["WindowConfig"][];
            /** @description Areas with their own screens and speakers; absent: one zone, the whole hall */
            zones?: components["schemas"]["Zone"][];
        };
        BookingSettings: {
            /** @description Days ahead a citizen may book, counting open days only; default 7, 0 turns booking off */
            days?: number;
            /** @description Share of each half hour's service capacity kept for bookings; default 0.5 */
            share?: number;
            /** @description No-shows within noShowDays that block booking; default 3 */
            noShowLimit?: number;
            /** @description Days a no-show counts against booking; default 180 */
            noShowDays?: number;
            /** @description The hall's usual opening, for days without a saved plan; default 09:00 */
            opens?: string;
            /** @description The hall's usual closing; default 17:00 */
            closes?: string;
            /** @description ISO weekdays the hall is closed; default [6, 7] */
            closedWeekdays?: number[];
            /** @description Dates the hall is closed (holidays) */
            closedDates?: string[];
        };
        PlanRules: {
            /** @description A planned shift lasts at least this many hours (in half hours); default 2 */
            minShiftHours?: number;
            /** @description Shifts a window works at most per day; default 2 */
            maxShifts?: number;
            /** @description Plan each window only for its configured categories (a traffic window stays one); default true */
            keepCategories?: boolean;
        };
        CategoryConfig: {
            id: string;
            prefix: string;
            names: {
                "zh-Hans": string;
                "zh-Hant": string;
                en: string;
            };
            serviceMinutes: number;
            /** @default 1 */
            weight?: number;
        };
        WindowConfig: {
            id: string;
            number: number;
            label: string;
            categories: string[];
            /**
             * @default open
             * @enum {string}
             */
            state?: "open" | "paused" | "closed";
        };
        HallSettings: {
            notice?: string;
            /** Format: uri */
            supervisionUrl?: string | null;
            alarmMinutes?: number;
            targetWaitMinutes?: number;
            languages?: ("cmn-Hans" | "yue-Hant" | "en")[];
            noShowRequeueMinutes?: number;
            orderBonusMinutes?: number;
            /** @description Priorities the kiosk offers and the hall accepts, besides normal */
            priorities?: ("elderly" | "disabled" | "appointment" | "green")[];
            /** @description Call next finishes the ticket at the window first (one press per citizen) */
            callNextFinishes?: boolean;
            /** @description The hall opens, pauses and re-assigns windows itself at the shift changes of the day's applied plan (PUT /plan/{date}) */
            autoOpen?: boolean;
            /** @description Webhooks get `ticket.near` once when a waiting ticket has this many people or fewer ahead (0: when it is next) */
            nearAhead?: number;
            /** @description Minutes without a call in a zone before its main screen plays content full screen (idle mode); default 5, 0 never */
            idleMinutes?: number;
            booking?: components["schemas"]["BookingSettings"] & unknown;
            /** @description Days ahead an appointment may be booked (0: today only); default 30. A booking further ahead is 409 with details.cap `appointments.horizonDays` */
            appointmentDays?: number;
            /** @description Appointments one day holds at most; default 500. One more is 409 with details.cap `appointments.perDay` */
            appointmentsPerDay?: number;
            /** @description Hours a reply to a commandId is kept, so a retried press is answered, not applied again; default 48, 24–720 */
            replyHours?: number;
            /** @description Days events stay in the live log; older whole days are archived (GET /api/halls/{hall}/archives), then pruned; default 90, 7–3660 */
            eventDays?: number;
            /** @description Days audit rows stay in the hall; older whole days are archived, then pruned; default 180, never fewer than 180 (six months of logs) */
            auditDays?: number;
            planRules?: components["schemas"]["PlanRules"] & unknown;
            /** @description Share of a service's waiting line that may be tickets joined from home and not yet checked in (at least one while above 0); default 0.3, 0 turns joining from home off. One more is 409 with details.cap `remoteShare` */
            remoteShare?: number;
            /** @description Times a ticket joined from home, not yet checked in, steps back behind the next waiting citizen before it expires; default 3 */
            remoteHolds?: number;
            /** @description Minutes a called citizen may take to reach the window before the manager console and the data wall show an alarm naming the ticket and window; default 5 */
            calledAlarmMinutes?: number;
            /** @description Merged into the announcer settings: name only what changes */
            announcer?: {
                /** @description How many times the whole call is spoken */
                repeat?: number;
                /** @description Speaking rate of speech voices; 1 is normal */
                rate?: number;
                volume?: number;
                /** @description A chime before the call */
                chime?: boolean;
            };
            /** @description Replaces the hall's zones; [] makes the hall one zone again */
            zones?: components["schemas"]["Zone"][];
            /** @description A fresh id per button press; a retry with the same id returns the first reply and applies once. */
            commandId?: string;
        };
        IssueReply: {
            ticket: components["schemas"]["Ticket"];
            ahead: number;
            estimatedWaitMinutes: number | null;
        };
        IssueTicket: {
            category: string;
            /**
             * @default normal
             * @enum {string}
             */
            priority?: "normal" | "elderly" | "disabled" | "appointment" | "green";
            /** @description A fresh id per button press; a retry with the same id returns the first reply and applies once. */
            commandId?: string;
        };
        CallReply: {
            ticket: components["schemas"]["Ticket"] | null;
            /** @example waited 11 min, over the 10 min line */
            reason?: string;
            reasonZh?: string;
            /** @enum {string} */
            reasonCode?: "targeted" | "overdue" | "priority" | "longest_wait";
            waitedMinutes?: number;
            finished?: components["schemas"]["Ticket"] & unknown;
        };
        OfficerSignIn: {
            officer: {
                id?: string;
                name: string;
                badge: string;
            };
            /** @description A fresh id per button press; a retry with the same id returns the first reply and applies once. */
            commandId?: string;
        };
        WindowPatch: {
            /** @enum {string} */
            state?: "open" | "paused" | "closed";
            categories?: string[];
            /** @description A fresh id per button press; a retry with the same id returns the first reply and applies once. */
            commandId?: string;
        };
        Transfer: {
            category?: string;
            window?: string;
            /** @description A fresh id per button press; a retry with the same id returns the first reply and applies once. */
            commandId?: string;
        };
        Cancel: {
            reason?: string;
            /** @description A fresh id per button press; a retry with the same id returns the first reply and applies once. */
            commandId?: string;
        };
        Health: {
            /** @enum {boolean} */
            ok: true;
            /** @description Only on a deployment with TONGBAN_UPSTREAM */
            upstream?: {
                /** @description The upstream's GET /api/health answered 200 within 4 s */
                reachable: boolean;
                /** @description Its HTTP status; null when nothing came back */
                status: number | null;
                ms: number;
            };
            /** @description Only with ?hall= */
            hall?: {
                hall: string;
                region: string | null;
                /** @description Its region is on the upstream, not on this deployment */
                upstream: boolean;
                /** @description When the last report landed (the hall's clock); null for none since it took this region */
                lastReportAt: string | null;
                /** @description A busy hall reports at least every 60 s: alert above 180 */
                lastReportAgeSeconds: number | null;
                failing: boolean;
                failingSince: string | null;
                /** @description Why the last try failed */
                error: string | null;
            };
        };
        WakeCounts: {
            [key: string]: {
                wakes: number;
                handled: number;
            };
        };
        BenchReply: {
            status: number;
            body?: unknown;
        };
        BenchRequest: {
            /**
             * @description `oversize` tries one write over the platform's 2 MB row limit, which the storage guard refuses (the console's 存储告警)
             * @enum {string}
             */
            op: "configure" | "day" | "measure" | "evict" | "wake" | "oversize";
            at?: number;
            day?: number;
            open?: number;
            everyMs?: number;
            tickets?: number;
            midnight?: number | null;
            /** @description Play the day's tickets from this one (day) */
            from?: number;
            /** @description …to this one (day); default the day's last */
            to?: number;
            after?: {
                [key: string]: number;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getRegion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                region: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The region's live figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionFigures"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    defineRegion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                region: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["Region"];
            };
        };
        responses: {
            /** @description Replaced */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        region: string;
                        name: {
                            "zh-Hans": string;
                            "zh-Hant"?: string;
                            en?: string;
                        };
                        parent: string | null;
                        path: string[];
                    };
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        region: string;
                        name: {
                            "zh-Hans": string;
                            "zh-Hant"?: string;
                            en?: string;
                        };
                        parent: string | null;
                        path: string[];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    watchRegion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                region: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switching to WebSocket. Then the region's snapshot and its changes as JSON text messages. */
            101: {
                headers: {
                    /** @description websocket */
                    Upgrade?: string;
                    /** @description `tongban.v1` when the client offered it */
                    "Sec-WebSocket-Protocol"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a WebSocket request: connect with Upgrade: websocket */
            426: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listOpenHalls: {
        parameters: {
            query?: {
                /** @description Nearest first from this position */
                near?: string;
            };
            header?: never;
            path: {
                region: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Halls open now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        region: string;
                        name: {
                            "zh-Hans": string;
                            "zh-Hant"?: string;
                            en?: string;
                        };
                        halls: {
                            hall: string;
                            name: string;
                            region: string | null;
                            address: string | null;
                            location: {
                                lat: number;
                                lng: number;
                            } | null;
                            waiting: number;
                            windowsOpen: number;
                            categories: {
                                id: string;
                                names?: unknown;
                                waiting: number;
                                estimatedWaitMinutes: number | null;
                            }[];
                            distanceKm?: number;
                            reportedAt: string;
                        }[];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRegionStats: {
        parameters: {
            query?: {
                /** @description First local day included; default: `to` */
                from?: string;
                /** @description Last local day included; default: today */
                to?: string;
                /** @description Keep only halls whose mean wait over the range exceeded this many minutes */
                over?: string;
            };
            header?: never;
            path: {
                region: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One row per hall */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        from: string;
                        to: string;
                        over?: number;
                        rows: {
                            hall: string;
                            name: string;
                            region: string | null;
                            issued: number;
                            served: number;
                            meanWaitMinutes: number | null;
                            p90WaitMinutes: number | null;
                            /** @description Hours of service at the hall's windows (start of service → finish) */
                            windowHours: number;
                        }[];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportRegionStatsCsv: {
        parameters: {
            query?: {
                /** @description First local day included; default: `to` */
                from?: string;
                /** @description Last local day included; default: today */
                to?: string;
                /** @description Keep only halls whose mean wait over the range exceeded this many minutes */
                over?: string;
            };
            header?: never;
            path: {
                region: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV, one line per hall */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listHallContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Items */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: ({
                            [key: string]: unknown;
                        } & (components["schemas"]["ContentItem"] & ({
                            onNow: boolean;
                            nextChangeAt: string | null;
                        } & {
                            [key: string]: unknown;
                        })))[];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addHallContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ContentItemNew"];
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description PNG, JPEG or WebP, at most 2 MB (checked by its bytes; SVG is refused)
                     */
                    file: string;
                    /** @description JSON: { zones?, seconds?, order?, schedule?, caption? }, e.g. {"seconds":15} */
                    item?: string;
                    commandId?: string;
                };
            };
        };
        responses: {
            /** @description Added; on the screens once its schedule says so */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["ContentItem"];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An upload that is not a PNG, JPEG or WebP image (SVG is refused) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    removeHallContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["ContentItem"];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    changeHallContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ContentItemChange"];
            };
        };
        responses: {
            /** @description The item now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["ContentItem"];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getHallImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image, with ETag and Cache-Control */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                    "image/jpeg": string;
                    "image/webp": string;
                };
            };
            /** @description The screen has it already */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRegionImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                region: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image, with ETag and Cache-Control */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                    "image/jpeg": string;
                    "image/webp": string;
                };
            };
            /** @description The screen has it already */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listRegionContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                region: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Items */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ContentItem"][];
                        /** @description The list's version; each change is a new one */
                        version: number;
                        /** @description Halls below the region */
                        halls: number;
                        /** @description Halls that hold this version */
                        delivered: number;
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    addRegionContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                region: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ContentItemNew"];
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description PNG, JPEG or WebP, at most 2 MB (checked by its bytes; SVG is refused)
                     */
                    file: string;
                    /** @description JSON: { zones?, seconds?, order?, schedule?, caption? }, e.g. {"seconds":15} */
                    item?: string;
                    commandId?: string;
                };
            };
        };
        responses: {
            /** @description Published; each hall below gets it within seconds, or when it next can be reached */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["ContentItem"];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description An upload that is not a PNG, JPEG or WebP image (SVG is refused) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    removeRegionContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                region: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Withdrawn */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["ContentItem"];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    changeRegionContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                region: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ContentItemChange"];
            };
        };
        responses: {
            /** @description The item now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        item: components["schemas"]["ContentItem"];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    reportToRegion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RegionReport"];
            };
        };
        responses: {
            /** @description Admitted (or already known) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The region's content when the hall holds an older version; null when it is current */
                        content: {
                            region: string;
                            version: number;
                            items: components["schemas"]["ContentItem"][];
                        } | null;
                        /** @description The content of each region above the hall's whose version is newer than the hall holds, nearest first */
                        above: {
                            region: string;
                            version: number;
                            items: components["schemas"]["ContentItem"][];
                        }[];
                        /** @description The hall's region and every region above it here, nearest first: content of any other region held from here is to be dropped. Absent after a departure. */
                        path?: string[];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    checkReportRegion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                region: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Held here */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        region: string;
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    pauseWindow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                window: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WindowAction"];
            };
        };
        responses: {
            /** @description The window now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WindowReply"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resumeWindow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                window: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WindowAction"];
            };
        };
        responses: {
            /** @description The window now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WindowReply"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    signInStaff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                staff: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["StaffSignIn"];
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WindowReply"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listStaff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Staff accounts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        staff: components["schemas"]["StaffMember"][];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWindowOfficers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                window: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Who may sign in here, by name */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        officers: components["schemas"]["WindowOfficer"][];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    issueKioskTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["KioskIssue"];
            };
        };
        responses: {
            /** @description Issued, with the citizen's status-page path */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KioskIssueReply"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    checkInAppointment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                code: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WindowAction"];
            };
        };
        responses: {
            /** @description Checked in */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KioskIssueReply"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    checkInAtWindow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                window: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WindowCheckIn"];
            };
        };
        responses: {
            /** @description Checked in: the ticket, in the queue */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KioskIssueReply"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listBookingSlots: {
        parameters: {
            query: {
                date: string;
                category: string;
            };
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The half hours */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        date: string;
                        category: string;
                        days: string[];
                        slots: components["schemas"]["BookingSlot"][];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    bookOnline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["Booking"];
            };
        };
        responses: {
            /** @description Booked */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingReply"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many tries in a short time */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    joinQueueFromHome: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RemoteTicket"];
            };
        };
        responses: {
            /** @description On the way */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RemoteTicketReply"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many tries in a short time */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    bookingBoard: {
        parameters: {
            query: {
                date: string;
                category: string;
            };
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The board */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingBoard"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    blockBookings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["BookingBlockRequest"];
            };
        };
        responses: {
            /** @description Blocked */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        block: components["schemas"]["BookingBlock"];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    unblockBookings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                block: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Open again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        block: components["schemas"]["BookingBlock"];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    markBookingContacted: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                block: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["BookingContacted"];
            };
        };
        responses: {
            /** @description Marked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        block: components["schemas"]["BookingBlock"];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    acknowledgeStorageAlarms: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Acknowledged */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageAlarmsAcknowledged"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    saveStaffAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                staff: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["StaffAccount"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        staff: components["schemas"]["StaffMember"];
                    };
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        staff: components["schemas"]["StaffMember"];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    removeStaffAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                staff: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        staff: components["schemas"]["StaffMember"];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAppointments: {
        parameters: {
            query?: {
                date?: string;
            };
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bookings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        date: string | null;
                        appointments: components["schemas"]["Appointment"][];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    bookAppointment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["BookAppointment"];
            };
        };
        responses: {
            /** @description Booked */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appointment: {
                            code: string;
                            category: string;
                            day: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    cancelAppointment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appointment: components["schemas"]["Appointment"];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    previewWindowChanges: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["Preview"];
            };
        };
        responses: {
            /** @description Waits before and after */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        seq: number;
                        categories: unknown[];
                        windows: unknown[];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAuditEntries: {
        parameters: {
            query?: {
                limit?: string;
                before?: string;
            };
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Audit rows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: components["schemas"]["AuditEntry"][];
                        next: number | null;
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listArchives: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The archives and where the live logs start */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArchiveList"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    downloadArchive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                kind: "events" | "audit";
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The gzip NDJSON file */
            200: {
                headers: {
                    /** @description attachment; filename="{hall}-{kind}-{file}" */
                    "Content-Disposition": string;
                    /** @description Lines in the file */
                    "X-Tongban-Rows": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/gzip": string;
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffSignInWithPassword"];
            };
        };
        responses: {
            /** @description Signed in; the cookie is set */
            201: {
                headers: {
                    /** @description `tongban_session=…; HttpOnly; SameSite=Strict` */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        session: components["schemas"]["Session"];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many tries in a short time */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCurrentSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed-in person */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        session: components["schemas"]["Session"];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        signedOut: boolean;
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getHallStats: {
        parameters: {
            query?: {
                /** @description First local day included; default: `to` */
                from?: string;
                /** @description Last local day included; default: today */
                to?: string;
                /** @description Group by category, window, officer, hour of arrival, or the whole hall */
                by?: "hall" | "category" | "window" | "officer" | "hour";
                /** @description One row per group over the range (default), or one per day and group */
                per?: "range" | "day";
            };
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Stats"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportHallStatsCsv: {
        parameters: {
            query?: {
                /** @description First local day included; default: `to` */
                from?: string;
                /** @description Last local day included; default: today */
                to?: string;
                /** @description Group by category, window, officer, hour of arrival, or the whole hall */
                by?: "hall" | "category" | "window" | "officer" | "hour";
                /** @description One row per group over the range (default), or one per day and group */
                per?: "range" | "day";
            };
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV, one line per row */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStaffingAdvice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The advice */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffingAdvice"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rateTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                ticket: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["Rating"];
            };
        };
        responses: {
            /** @description Rated; the ticket carries its rating */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketReply"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rateByTicketLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The signed link's token, as in the status page's address /t/{ticketToken} */
                ticketToken: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["Rating"];
            };
        };
        responses: {
            /** @description Rated */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CitizenRating"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rateAtWindow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                window: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["Rating"];
            };
        };
        responses: {
            /** @description Rated */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Evaluation"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    leaveCallBackNumber: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                window: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["FollowUpContact"];
            };
        };
        responses: {
            /** @description Kept; answered masked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        followUp: {
                            number: string;
                            mobile: string | null;
                        };
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listFollowUps: {
        parameters: {
            query?: {
                state?: "open" | "done" | "all";
            };
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Follow-ups */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        followUps: components["schemas"]["FollowUp"][];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    closeFollowUp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["FollowUpDone"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        followUp: components["schemas"]["FollowUp"];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAppliedDayPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                /** @description The hall's local day the plan is for */
                date: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The applied plan */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        plan: components["schemas"]["AppliedPlan"];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    applyDayPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                /** @description The hall's local day the plan is for */
                date: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["AppliedPlanBody"];
            };
        };
        responses: {
            /** @description Replaced the day's plan */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        plan: components["schemas"]["AppliedPlan"];
                    };
                };
            };
            /** @description Applied */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        plan: components["schemas"]["AppliedPlan"];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    removeDayPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                /** @description The hall's local day the plan is for */
                date: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plan removed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        plan: components["schemas"]["AppliedPlan"];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDayPlan: {
        parameters: {
            query: {
                /** @description The local day to plan */
                date: string;
            };
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plan */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DayPlan"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    watchTicket: {
        parameters: {
            query?: {
                /** @description The last seq the client applied: the feed resumes after it */
                since?: string;
                /** @description For a console's or status page's view: the language of its fragments (zh-Hans when absent) */
                lang?: "zh-Hans" | "zh-Hant" | "en";
            };
            header?: never;
            path: {
                /** @description The signed link's token, as in the status page's address /t/{ticketToken} */
                ticketToken: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switching to WebSocket. Then the ticket's view as HTML fragments. */
            101: {
                headers: {
                    /** @description websocket */
                    Upgrade?: string;
                    /** @description `tongban.v1` when the client offered it */
                    "Sec-WebSocket-Protocol"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a WebSocket request: connect with Upgrade: websocket */
            426: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listDevices: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every paired device */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        devices: components["schemas"]["DeviceHealth"][];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    pairDevice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["DevicePair"];
            };
        };
        responses: {
            /** @description Paired */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        device: components["schemas"]["Device"];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description More than 10 wrong codes in a minute from this manager */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeDevice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                device: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        device: components["schemas"]["Device"];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateDevice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                device: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["DeviceMove"];
            };
        };
        responses: {
            /** @description The device now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        device: components["schemas"]["Device"];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportEvents: {
        parameters: {
            query?: {
                /** @description Events with a seq above this; default 0 (the start of the log) */
                after?: string;
                /** @description At most this many events, 1 to 10000; default 1000 */
                limit?: string;
            };
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up to `limit` events after `after`, one JSON object per line */
            200: {
                headers: {
                    /** @description The seq to pass as `after` for the next page (the last seq in this one, or `after` when it is empty) */
                    "X-Tongban-Next-After": string;
                    /** @description The log's last seq when the page was read */
                    "X-Tongban-Head": string;
                    /** @description The first seq the hall still holds; older events are archived (GET /api/halls/{hall}/archives), 1 while none are */
                    "X-Tongban-Live-From": string;
                    /** @description The next page as `<…>; rel="next"` while the log holds events past this page, and `</api/halls/{hall}/archives>; rel="archives"` once older events are archived */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Gone from the hall: archived (`details.archives` names where to read it, `details.liveFrom` where the hall's own log starts) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every webhook */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhooks: components["schemas"]["WebhookHealth"][];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WebhookCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhook: components["schemas"]["Webhook"] & {
                            /**
                             * @description Signs every delivery; shown only now
                             * @example whsec_…
                             */
                            secret: string;
                        };
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                webhook: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhook: components["schemas"]["Webhook"];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Default 50, at most 200 */
                limit?: string;
            };
            header?: never;
            path: {
                hall: string;
                webhook: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhook: string;
                        deliveries: components["schemas"]["WebhookDelivery"][];
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    requestPairingCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The code to show */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        state: "waiting";
                        /** @example 048213 */
                        code: string;
                        expiresAt: string;
                        /** @description count down with this: a TV box's own clock is often wrong */
                        expiresInSeconds: number;
                    };
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many devices wait to pair right now */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPairingStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description waiting, expired (ask for a new code), or paired */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PairingStatus"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getHallSnapshot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Snapshot */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HallSnapshot"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    configureHall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["HallConfig"];
            };
        };
        responses: {
            /** @description Replaced; the new snapshot */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HallSnapshot"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HallSnapshot"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateHallSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["HallSettings"];
            };
        };
        responses: {
            /** @description The hall after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HallSnapshot"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    issueTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["IssueTicket"];
            };
        };
        responses: {
            /** @description Issued */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueReply"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    callNext: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                window: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WindowAction"];
            };
        };
        responses: {
            /** @description The called ticket, or null when nobody waits */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallReply"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    recallTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                window: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WindowAction"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketReply"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    startService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                window: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WindowAction"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketReply"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    finishService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                window: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WindowAction"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketReply"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    markNoShow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                window: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WindowAction"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketReply"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    signOutOfficer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                window: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WindowAction"];
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WindowReply"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    signInOfficer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                window: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["OfficerSignIn"];
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WindowReply"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateWindow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                window: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WindowPatch"];
            };
        };
        responses: {
            /** @description The window after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WindowReply"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    transferTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                ticket: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["Transfer"];
            };
        };
        responses: {
            /** @description Transferred */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketReply"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    cancelTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                ticket: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["Cancel"];
            };
        };
        responses: {
            /** @description Cancelled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketReply"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    requeueTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
                ticket: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WindowAction"];
            };
        };
        responses: {
            /** @description Waiting again, at the back of the line */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketReply"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resetHallDay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WindowAction"];
            };
        };
        responses: {
            /** @description The new day */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        day: string;
                        seq: number;
                    };
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 16 KB (an image upload: over 2 MB) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    watchHall: {
        parameters: {
            query?: {
                /** @description The last seq the client applied: the feed resumes after it */
                since?: string;
                /** @description For pages: receive the named view's HTML fragments as { type: "html", seq, html } instead of JSON events */
                view?: string;
                /** @description With `view`: `changed` (the default) sends the whole view once, then only the regions that changed, as { type: "html", seq, rev, base, html } where base is the rev of the rendering it changes; `whole` sends the whole view every time */
                updates?: "changed" | "whole";
                /** @description For the window and counter views: which window */
                window?: string;
                /** @description For the main and dashboard views: one zone's screen */
                zone?: string;
                /** @description For a console's or status page's view: the language of its fragments (zh-Hans when absent) */
                lang?: "zh-Hans" | "zh-Hant" | "en";
            };
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switching to WebSocket. Then events as JSON text messages, or a view's HTML fragments with `view`. */
            101: {
                headers: {
                    /** @description websocket */
                    Upgrade?: string;
                    /** @description `tongban.v1` when the client offered it */
                    "Sec-WebSocket-Protocol"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a WebSocket request: connect with Upgrade: websocket */
            426: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: {
                /** @description A hall whose region reports to check */
                hall?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Worker answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDevWakeCounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counts by hall id */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WakeCounts"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    runDevBench: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hall: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["BenchRequest"];
            };
        };
        responses: {
            /** @description What the hall answered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BenchReply"];
                };
            };
            /** @description A field is missing or wrong; `details` names it. Nothing changed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No credential, an unknown token, or a sign-in or device that is no longer valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown hall, window, ticket, category, staff account, appointment, device or region */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
