/**
 * The HTTP API's types, generated from its OpenAPI document (GET /openapi.json) by openapi-typescript.
 * Do not edit: run `npm run gen:api-types` after changing a route's schema (a test fails until then).
 */
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database reachability (no credential) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the server answers and the database is reachable */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
                /** @description the database is not reachable */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "unavailable";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who this credential is: its workspace, and the session's CSRF token and expiry */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the credential's workspace and session */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Sign in with an API token: sets the session cookie, returns the CSRF token (no credential) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SignIn"];
                };
            };
            responses: {
                /** @description signed in: Set-Cookie lp_session (HttpOnly, SameSite=Strict, Path=/, Max-Age; Secure over https) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SignedIn"];
                    };
                };
                /** @description the token is unknown or revoked */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the Origin header names another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description too many sign-ins, or failed authentications, from this address: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Sign out: revokes the session and clears its cookie (needs X-CSRF-Token) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description the session's csrfToken (required with the cookie) */
                    "x-csrf-token"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description signed out: Set-Cookie clears the cookie */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description a write with the session cookie lacks the session's X-CSRF-Token, or comes from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics of the credential's workspace */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Prometheus text format 0.0.4 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List sender accounts */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    perPage?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description accounts, by id */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccountList"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a sender account (the account document, as JSON) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            responses: {
                /** @description the account as stored, defaults filled in */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StoredAccount"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account's settings and current status */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the account and its status */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccountWithStatus"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Replace an account's settings (the whole account document; the name cannot change)
         * @description Fields left out take their defaults, as when adding. The governor's learned state (a lowered weekly budget, a pause, the counts) is kept; the engine re-decides with the new limits at once.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            responses: {
                /** @description the account as stored, defaults filled in, and its status */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccountWithStatus"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /**
         * Remove an account with its campaigns and its log, once nothing is pending
         * @description Refused (409) while the account has active or paused campaigns, unless `stopCampaigns=true` stops them first; then refused while invitations are still to withdraw or tasks open (the problem says what and until when; campaigns stopped by this call stay stopped). Removing deletes the account's campaigns, enrollments, log, replies and notifications.
         */
        delete: {
            parameters: {
                query?: {
                    stopCampaigns?: "true" | "false";
                };
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description what was removed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccountRemoved"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List campaigns with enrollment counts */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    perPage?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description campaigns, by id */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CampaignList"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a campaign (the campaign document, as JSON); templates are checked now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            responses: {
                /** @description the campaign */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OneCampaign"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A campaign's definition and progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the campaign */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OneCampaign"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Update a campaign: the whole document (same name, same account) becomes its next version
         * @description Texts, schedule, delays, priority, steps added or removed. People enrolled keep their progress: steps are matched by kind and order; someone waiting at a removed step goes on with the next one; a changed text applies to every action not handed out yet; a changed delay or schedule re-plans who waits for it; pending invitations keep their withdrawal. The templates are checked again; the answer lists people whose text would not be sendable. `dryRun=true` answers the same and writes nothing. 409: the campaign is stopped, or a task held by a runner or an agent is at a step the update removes.
         */
        put: {
            parameters: {
                query?: {
                    dryRun?: "true" | "false";
                };
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            responses: {
                /** @description what the update changed (or would) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CampaignUpdated"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /**
         * Delete a stopped campaign with nothing pending: its enrollments and texts
         * @description Refused (409) unless the campaign is stopped, and while invitations are still to withdraw or tasks open: the problem says what is left and when it is due. The account's past actions stay in the log for its budgets, without campaign, person, prospect URL, note or text.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description what was removed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CampaignDeleted"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{name}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop new visits, invitations and messages (withdrawals go on) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the campaign's new status */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{name}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused campaign */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the campaign's new status */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/{name}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop a campaign for good: every enrollment ends (stopped); pending invitations are still withdrawn on schedule
         * @description Nothing more is sent for the campaign except the scheduled withdrawals of its pending invitations (they protect the account); those enrollments end after their withdrawal. A task nobody held is put back unperformed; one a runner or an agent holds ends with its result. A stopped campaign cannot be resumed; it stays listed with its history until deleted. Stopping again changes nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description what the stop did */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CampaignStopped"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/prospects/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a prospect CSV into a campaign (all-or-nothing) */
        post: {
            parameters: {
                query: {
                    campaign: string;
                    dryRun?: "true" | "false";
                    /** @description the file name, shown in the report */
                    file?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "text/csv": string;
                    "multipart/form-data": {
                        /** Format: binary */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description the import report: enrolled, rejected with line and reason, time zone sources */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CsvImportReport"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body's Content-Type is not one this route reads */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invitations sent, newest first */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    perPage?: number;
                    status?: "pending" | "accepted" | "replied" | "withdrawn" | "declined";
                    campaign?: string;
                    account?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description invitations with their dates and status */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InvitationList"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a pending invitation's withdrawal due now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the withdrawal is due; the engine performs it in the sender's working hours */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every account's budgets, pending invitations, acceptance and next action */
        get: {
            parameters: {
                query?: {
                    account?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description status per account */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Status"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What is due now per account: tasks in progress and the next action */
        get: {
            parameters: {
                query?: {
                    account?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description per account: tasks in progress, whether the next is due, the next action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TasksOverview"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/next": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The account's next task, held for this credential (as `linkpace work` shows it) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AccountRef"];
                };
            };
            responses: {
                /** @description {type: task | held | wait, at: the server's time} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NextTask"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record what happened on LinkedIn, by runner key or result */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TaskOutcome"];
                };
            };
            responses: {
                /** @description recorded */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}/skip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Skip a task today: nothing is charged, the prospect comes back tomorrow */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description skipped, or skipped before (`duplicate: true`) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop showing a task (quitting the runner): it stays in progress for the next runner, no outcome recorded */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description released */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{name}/sitting": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a sitting: the account's due tasks come back to back until it ends
         * @description Budgets, the pending cap, the note quota, warm-up and every recipient's window apply as always; only the drip pacing gives way to the account's `sittingGap`. An account whose pacing is `sittings` hands out tasks only during one.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["SittingStart"];
                };
            };
            responses: {
                /** @description the sitting now open */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SittingState"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Stop the account's sitting */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no sitting is open */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SittingState"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the engine expects to release today and on the coming days, and the suggested sittings
         * @description A forecast from the governor's state and the queue, as if every action succeeds: acceptances and replies that come in add messages it cannot know of.
         */
        get: {
            parameters: {
                query?: {
                    /** @description only this account */
                    account?: string;
                    /** @description today and the days after it */
                    days?: number;
                    /** @description the longest suggested sitting, in minutes */
                    maxSitting?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the plan per account */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Plan"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agent/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Claim the account's next due action, with a lease */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AgentClaim"];
                };
            };
            responses: {
                /** @description the action, its lease and idempotency key; `reconcile: true` when a lease on it ran out before */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AgentAction"];
                    };
                };
                /** @description nothing is due: Retry-After says when to ask again, X-Linkpace-Next-At when the next action is planned */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agent/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report a claimed action's outcome (idempotent) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AgentReport"];
                };
            };
            responses: {
                /** @description recorded, or recorded before with the same result (`duplicate: true`) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AgentReported"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhooks (never their secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description webhooks, by id */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a webhook; it receives notifications written from now on */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewWebhook"];
                };
            };
            responses: {
                /** @description the webhook and its signing secret (shown only now) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a webhook and its delivery log */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description removed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook's delivery log, newest first */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "delivered" | "failed";
                    limit?: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description deliveries */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exports/{what}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prospects (one row per enrollment) or the activity log, as CSV (UTF-8 with BOM, formula-safe) or JSON, streamed */
        get: {
            parameters: {
                query?: {
                    format?: "csv" | "json";
                    campaign?: string;
                    account?: string;
                };
                header?: never;
                path: {
                    what: "prospects" | "activity";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the export; every column is described in docs/exports.md */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Account health alerts, newest first (account_paused, weekly_limit_reached, acceptance_falling, note_quota_exhausted, pending_near_cap) */
        get: {
            parameters: {
                query?: {
                    account?: string;
                    /** @description an ISO instant or date */
                    since?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description alerts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alerts: {
                                id: number;
                                at: string;
                                account: string;
                                type: string;
                                message: string;
                                data: {
                                    [key: string]: unknown;
                                };
                            }[];
                        };
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/accounts/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account's invitations and acceptance per day, and its warm-up */
        get: {
            parameters: {
                query?: {
                    days?: number;
                };
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the account's daily series, acceptance and warm-up */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccountAnalytics"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/campaigns/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A campaign's funnel, outcomes by step and by the recipient's hour */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the campaign's funnel, steps and hours */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CampaignAnalytics"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrollments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Enrollments with their prospect, newest first, filtered by campaign, account or status */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    perPage?: number;
                    campaign?: string;
                    account?: string;
                    status?: "ready" | "in_flight" | "invited" | "done";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description one page of enrollments */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EnrollmentList"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrollments/{id}/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove a prospect from its campaign: the enrollment ends (removed); a pending invitation is still withdrawn on schedule
         * @description A ready enrollment ends now. One whose invitation is pending keeps only its scheduled withdrawal, then ends; one with a task in flight ends with that task's result (a task nobody held is put back unperformed). 409 when it has ended already.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description what became of the enrollment */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProspectRemoved"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/persons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find a person by any profile URL of theirs (to erase them: DELETE /v1/persons/{id}) */
        get: {
            parameters: {
                query: {
                    url: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the person */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Person"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/persons/{id}": {
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
         * Erase a person everywhere; their identifiers go on the do-not-contact list as salted hashes
         * @description Deletes the person, their identifiers and fields, enrollments, replies, notifications (and queued webhook deliveries) and import refusals; their account's past actions stay in the log without campaign, person or text, for the budgets. A task nobody held is put back first; 409 while a runner or an agent holds a task for them. Pending invitations are listed in `withdrawByHand`: linkpace can no longer withdraw them. `dryRun=true` answers what would be erased and writes nothing.
         */
        delete: {
            parameters: {
                query?: {
                    dryRun?: "true" | "false";
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description what was erased */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PersonErased"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mark": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record an outcome learned outside linkpace: accepted, replied, declined, connected */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Mark"];
                };
            };
            responses: {
                /** @description applied, already on record, or nothing to apply it to */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MarkResult"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Replies people sent, newest first, filtered by handled, account or campaign */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    perPage?: number;
                    campaign?: string;
                    account?: string;
                    handled?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description one page of replies */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReplyList"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/replies/{id}/handled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a reply handled, or not handled again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ReplyHandled"];
                };
            };
            responses: {
                /** @description the reply as it stands now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Reply"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** They replied (runner key r): record the reply for the task's person; the task goes back unperformed when the campaign stops on reply */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TaskReply"];
                };
            };
            responses: {
                /** @description what was recorded, and whether the task was put back */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskReplyResult"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/suppressions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The do-not-contact list, newest first */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    perPage?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description one page of the list */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SuppressionList"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add profiles, companies or domains to the do-not-contact list; every enrolled person they match ends */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewSuppressions"];
                };
            };
            responses: {
                /** @description what was added, and what it ended */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SuppressionsAdded"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/suppressions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take an entry off the do-not-contact list (the people it ended stay ended) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the entry removed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SuppressionRemoved"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports/linkedin-archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import LinkedIn's data export (the zip) for one account (all-or-nothing, idempotent) */
        post: {
            parameters: {
                query: {
                    account: string;
                    dryRun?: "true" | "false";
                    /** @description the file name, shown in the report */
                    file?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/zip": string;
                    "application/octet-stream": string;
                    "multipart/form-data": {
                        /** Format: binary */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description the import report: what changed, and the rows not read with file, line and reason */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ArchiveReport"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body is larger than the limit */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description the body's Content-Type is not one this route reads */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/campaigns/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render a campaign definition's templates for real prospects (nothing is saved) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CampaignPreviewRequest"];
                };
            };
            responses: {
                /** @description each step's text per prospect, its length and whether it can be sent */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CampaignPreview"];
                    };
                };
                /** @description no credential, or an unknown or revoked token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description with the session cookie: X-CSRF-Token missing or wrong, or the request came from another origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description invalid input: `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description rate limited: see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
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
        SignedIn: {
            workspace: {
                id: number;
                name: string;
            };
            /** @description send it back as X-CSRF-Token on every write */
            csrfToken: string;
            /** Format: date-time */
            expiresAt: string;
        };
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            errors: {
                field: string;
                message: string;
            }[];
        };
        SignIn: {
            /**
             * @description an API token (linkpace token create --name NAME)
             * @example lp_…
             */
            token: string;
        };
        AccountList: {
            accounts: {
                name: string;
                type: string;
                timezone: string;
                created: string | null;
            }[];
            page: components["schemas"]["Page"];
        };
        Page: {
            number: number;
            perPage: number;
            total: number;
            next: number | null;
        };
        StoredAccount: {
            account: components["schemas"]["Document"];
        };
        /** @description An account or campaign document, as the CLI reads it from YAML, as JSON */
        Document: {
            [key: string]: unknown;
        };
        AccountWithStatus: {
            account: components["schemas"]["Document"];
            status: components["schemas"]["AccountStatus"];
        };
        AccountStatus: {
            name: string;
            type: string;
            timezone: string;
            today: {
                invites: {
                    used: number;
                    /** @description null: unlimited */
                    budget: number | null;
                };
                messages: {
                    used: number;
                    /** @description null: unlimited */
                    budget: number | null;
                };
                visits: {
                    used: number;
                    /** @description null: unlimited */
                    budget: number | null;
                };
            };
            week: {
                invites: {
                    used: number;
                    /** @description null: unlimited */
                    budget: number | null;
                };
                learned: boolean;
            };
            notes: {
                used: number;
                perMonth: number | null;
                blocked: boolean;
            };
            pending: {
                count: number;
                max: number;
            };
            acceptance: {
                rate: number | null;
                decided: number;
            };
            paused: {
                /** Format: date-time */
                until: string;
                reason: string;
            } | null;
            /** @description why today's invitation cap is below the full one (warm-up), or null */
            warmup: string | null;
            next: {
                /** @enum {string} */
                kind: "visit" | "connect" | "message" | "withdraw";
                /** Format: date-time */
                at: string;
                waitsFor: string | null;
            } | null;
            limitSignals: number;
            /** @description GET /v1/status only: prospects its campaigns' imports refused as never reachable, in all and per campaign */
            unreachable?: {
                count: number;
                campaigns: {
                    [key: string]: number;
                };
            };
        };
        AccountRemoved: {
            account: string;
            stopped: string[];
            removed: components["schemas"]["RemovedRows"];
            /** @description what happened, in a sentence (the CLI prints it) */
            summary: string;
        };
        RemovedRows: {
            enrollments: number;
            /** @description campaign delete: kept without campaign, person or text; account remove: deleted */
            logRows: number;
            replies: number;
            notifications: number;
            campaigns: number;
        };
        CampaignList: {
            campaigns: components["schemas"]["CampaignSummary"][];
            page: components["schemas"]["Page"];
        };
        CampaignSummary: {
            name: string;
            account: string;
            /** @enum {string} */
            status: "active" | "paused" | "stopped";
            /** Format: date-time */
            createdAt: string;
            /** @description the definition's version: 1 at creation, one more per update */
            version: number;
            definition: components["schemas"]["Document"];
            enrollments: {
                active: number;
                invited: number;
                done: number;
                endReasons: {
                    [key: string]: number;
                };
            };
        };
        OneCampaign: {
            campaign: components["schemas"]["CampaignSummary"];
        };
        CampaignUpdated: {
            campaign: {
                name: string;
                version: number;
                previousVersion: number;
            };
            /** @description false: the document was the same (no new version) */
            changed: boolean;
            dryRun: boolean;
            steps: {
                /** @description the step's index (from 0) before; null: added */
                from: number | null;
                /** @description its index after; null: removed */
                to: number | null;
                /** @enum {string} */
                kind: "visit" | "connect" | "message" | "withdraw";
                /** @enum {string} */
                change: "same" | "changed" | "added" | "removed";
            }[];
            enrollments: {
                /** @description enrollments in progress carried over */
                total: number;
                /** @description whose step changed: another index, or the next step after a removed one */
                moved: number;
                /** @description whose next time changed */
                replanned: number;
                /** @description that ended: no step left for them */
                ended: number;
                /** @description tasks nobody held, at a removed step, put back unperformed */
                released: number;
            };
            unsendable: {
                count: number;
                listed: {
                    enrollmentId: number;
                    profile: string;
                    /** @description the new step's number, from 1 */
                    step: number;
                    reason: string;
                }[];
            };
            /** @description what happened, in a sentence (the CLI prints it) */
            summary: string;
        };
        CampaignStopped: {
            campaign: {
                name: string;
                /** @enum {string} */
                status: "active" | "paused" | "stopped";
            };
            /** @description false: the campaign was stopped already */
            changed: boolean;
            enrollments: {
                ended: number;
                /** @description keep only their pending invitation's withdrawal, then end */
                withdrawals: number;
                /** @description end when their task in flight is answered or skipped */
                tasks: number;
                /** @description tasks nobody held, put back unperformed */
                released: number;
            };
            lastWithdrawalAt: string | null;
            /** @description what happened, in a sentence (the CLI prints it) */
            summary: string;
        };
        CampaignDeleted: {
            campaign: string;
            removed: components["schemas"]["RemovedRows"];
            /** @description what happened, in a sentence (the CLI prints it) */
            summary: string;
        };
        CsvImportReport: {
            file: string;
            format: string;
            encoding: string;
            delimiter: string;
            campaign: string;
            dryRun: boolean;
            enrolled: number;
            rejected: number;
            /** @description enrolled prospects by where their time zone came from */
            zoneSources: {
                [key: string]: number;
            };
            rejects: {
                line: number;
                reason: string;
                /** @description the record as written in the file (possibly truncated), for rows the CSV reader refused */
                raw?: string;
            }[];
        };
        InvitationList: {
            /**
             * Format: date-time
             * @description the server's clock
             */
            at: string;
            invitations: components["schemas"]["Invitation"][];
            page: components["schemas"]["Page"];
        };
        Invitation: {
            /** @description the enrollment's id */
            id: number;
            name: string;
            profileUrl: string;
            company: string;
            title: string;
            campaign: string;
            account: string;
            /** @enum {string} */
            status: "pending" | "accepted" | "replied" | "withdrawn" | "declined";
            sentAt: string;
            note: string;
            acceptedAt: string | null;
            repliedAt: string | null;
            withdrawnAt: string | null;
            /** @description while pending: when the withdrawal is due (the campaign's withdrawAfter, or when it was asked for) */
            withdrawalAt: string | null;
        };
        Status: {
            /**
             * Format: date-time
             * @description the server's clock
             */
            at: string;
            accounts: components["schemas"]["AccountStatus"][];
        };
        TasksOverview: {
            /**
             * Format: date-time
             * @description the server's clock when it answered
             */
            at: string;
            accounts: {
                account: string;
                /** @description the account's zone, in which people read its times */
                timezone: string;
                /**
                 * @description sittings: tasks are handed out only during an open sitting
                 * @enum {string}
                 */
                pacing: "drip" | "sittings";
                /** @description an open sitting: tasks come back to back from `from` until `until` */
                sitting: {
                    /** Format: date-time */
                    from: string;
                    /** Format: date-time */
                    until: string;
                } | null;
                inProgress: {
                    actionId: number;
                    kind: string;
                    prospect: string | null;
                    /** Format: date-time */
                    since: string;
                    heldBy: string | null;
                    /** Format: date-time */
                    leaseUntil: string | null;
                }[];
                dueNow: boolean;
                next: {
                    kind: string;
                    /** Format: date-time */
                    at: string;
                    waitsFor: string | null;
                } | null;
                paused: {
                    /** Format: date-time */
                    until: string;
                    reason: string;
                } | null;
            }[];
        };
        NextTask: {
            /** @enum {string} */
            type: "task";
            /**
             * Format: date-time
             * @description the server's clock when it answered
             */
            at: string;
            recovered: boolean;
            task: components["schemas"]["Task"];
        } | {
            /** @enum {string} */
            type: "held";
            /**
             * Format: date-time
             * @description the server's clock when it answered
             */
            at: string;
            by: string;
            /** Format: date-time */
            until: string | null;
        } | {
            /** @enum {string} */
            type: "wait";
            /**
             * Format: date-time
             * @description the server's clock when it answered
             */
            at: string;
            /** Format: date-time */
            until: string | null;
            reason: string;
            paused: string | null;
        };
        Task: {
            actionId: number;
            /** @enum {string} */
            kind: "visit" | "connect" | "message" | "withdraw";
            account: string | null;
            campaign: string | null;
            /** @description when the action was handed out (UTC) */
            since: string;
            prospect: {
                url: string | null;
                firstName: string;
                lastName: string;
                /** @description the name as shown: the full name as the imported file wrote it, else first and last name */
                fullName: string;
                company: string;
                title: string;
                location: string;
                timezone: string | null;
            };
            /** @description connect: the note, "" for none */
            note: string | null;
            /** @description message: the text */
            text: string | null;
            outcomes: {
                key: string;
                result: components["schemas"]["ActionResult"];
                label: string;
            }[];
        };
        /** @enum {string} */
        ActionResult: "ok" | "weekly_limit_reached" | "note_quota_reached" | "cannot_resend_yet" | "already_connected" | "not_connected" | "restricted" | "profile_unavailable";
        AccountRef: {
            /** @example alice */
            account: string;
        };
        TaskOutcome: {
            /** @description a runner key: d, a, u, w, n, x */
            key?: string;
            result?: components["schemas"]["ActionResult"];
        };
        SittingState: {
            account: string;
            /** @description an open sitting: tasks come back to back from `from` until `until` */
            sitting: {
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                until: string;
            } | null;
        };
        SittingStart: {
            /** @description how long the sitting lasts from now (default 30); an open one is extended */
            minutes?: number;
        };
        Plan: {
            /**
             * Format: date-time
             * @description the server's clock
             */
            at: string;
            accounts: {
                account: string;
                timezone: string;
                /** @enum {string} */
                pacing: "drip" | "sittings";
                /** @description an open sitting: tasks come back to back from `from` until `until` */
                sitting: {
                    /** Format: date-time */
                    from: string;
                    /** Format: date-time */
                    until: string;
                } | null;
                /** @description sittings: the tasks a sitting started now would hand out; drip: 1 when a task is due now, else 0 */
                dueNow: number;
                /** @description a suggested sitting and the tasks the plan expects in it */
                nextSitting: {
                    /** Format: date-time */
                    from: string;
                    /** Format: date-time */
                    until: string;
                    /**
                     * @description the sitting in the sender's local time
                     * @example 09:00-09:20
                     */
                    local: string;
                    /** @description the tasks the plan expects in it */
                    tasks: number;
                    /** @description the recipients' zones of its invitations and messages */
                    zones: string[];
                    /** @example Europe + US East coast */
                    label: string;
                } | null;
                days: components["schemas"]["DayPlan"][];
            }[];
        };
        DayPlan: {
            /** @description the sender's local date */
            date: string;
            total: number;
            byKind: {
                visit: number;
                connect: number;
                message: number;
                withdraw: number;
            };
            /** @description the sender's local hours with something planned */
            byHour: {
                hour: number;
                count: number;
            }[];
            sittings: {
                /** Format: date-time */
                from: string;
                /** Format: date-time */
                until: string;
                /**
                 * @description the sitting in the sender's local time
                 * @example 09:00-09:20
                 */
                local: string;
                /** @description the tasks the plan expects in it */
                tasks: number;
                /** @description the recipients' zones of its invitations and messages */
                zones: string[];
                /** @example Europe + US East coast */
                label: string;
            }[];
        };
        AgentAction: components["schemas"]["Task"] & {
            /** @description the action id: perform each at most once */
            idempotencyKey: string;
            leaseUntil: string;
            /** @description a lease on this action ran out before: find out on LinkedIn whether it was performed */
            reconcile: boolean;
        };
        AgentClaim: {
            /** @example alice */
            account: string;
            /** @description names this executor when several share a token (default: the token) */
            agent?: string;
        };
        AgentReported: {
            actionId: number;
            result: components["schemas"]["ActionResult"];
            duplicate: boolean;
        };
        AgentReport: {
            actionId: number;
            result: components["schemas"]["ActionResult"];
        };
        NewWebhook: {
            /** @example https://example.com/hooks/linkpace */
            url: string;
            events: ("invite_sent" | "invite_accepted" | "replied" | "withdrawn" | "account_paused" | "weekly_limit_reached" | "acceptance_falling" | "note_quota_exhausted" | "pending_near_cap" | "all")[];
            /** @description the HMAC-SHA256 signing secret (default: generated, returned once) */
            secret?: string;
        };
        AccountAnalytics: {
            account: string;
            timezone: string;
            /** @description oldest first, one entry per day, the last one today */
            days: {
                /**
                 * @description YYYY-MM-DD in the account's zone
                 * @example 2027-03-01
                 */
                date: string;
                invited: number;
                /** @description of that day's invitations, how many were accepted (whenever) */
                accepted: number;
                /** @description of that day's invitations, how many were withdrawn (whenever) */
                withdrawn: number;
                /** @description invitations accepted, declined, withdrawn, or pending for 21 days or more: what an acceptance rate is over */
                decided: number;
                /** @description accepted over decided */
                rate: number | null;
            }[];
            /** @description over the latest 100 decided invitations */
            acceptance: {
                /** @description a fraction 0..1; null when there is nothing to divide by */
                rate: number | null;
                /** @description invitations accepted, declined, withdrawn, or pending for 21 days or more: what an acceptance rate is over */
                decided: number;
            };
            warmup: {
                active: boolean;
                /** @description the ramp's day while active (1: the first day linkpace acted) */
                day: number | null;
                /** @description today's invitation cap */
                dailyCap: number;
                /** @description today's invitation cap without the warm-up ramp */
                fullDailyCap: number;
                why: string | null;
            };
        };
        CampaignAnalytics: {
            campaign: string;
            /** @description rate: count over base, null for enrolled and for a stage without a step. accepted's base is the decided invitations; any other stage's is the previous stage the campaign has steps for, plus those who got to this stage without it (connections skip the invitation; a note can be answered before any message) */
            funnel: {
                /** @enum {string} */
                stage: "enrolled" | "visited" | "invited" | "accepted" | "messaged" | "replied";
                count: number;
                base: number | null;
                /** @description a fraction 0..1; null when there is nothing to divide by */
                rate: number | null;
            }[];
            bySteps: {
                step: number;
                /** @enum {string} */
                kind: "visit" | "connect" | "message" | "withdraw";
                /** @description enrollments this step became due for */
                reached: number;
                /** @enum {string} */
                outcome: "visited" | "accepted" | "replied" | "withdrawn";
                outcomeCount: number;
                /** @description what rate is over: a connect's decided invitations, a message step's messages sent, else reached */
                base: number;
                /** @description a fraction 0..1; null when there is nothing to divide by */
                rate: number | null;
            }[];
            /** @description 24 entries: the hour of the recipient's day each invitation was sent at */
            byHour: {
                hour: number;
                invited: number;
                accepted: number;
                /** @description invitations accepted, declined, withdrawn, or pending for 21 days or more: what an acceptance rate is over */
                decided: number;
                /** @description a fraction 0..1; null when there is nothing to divide by */
                rate: number | null;
                /** @description the acceptance send-time learning has learnt for this recipient hour across the workspace (shrunk toward the average while data is thin); null until 100 invitations 21 days old are known */
                learned: number | null;
            }[];
            /** @description the campaign's versions (campaign update), oldest first, each with what was sent under it and what followed */
            versions: {
                version: number;
                /** @description when this version took effect */
                from: string;
                /** @description actions done under this version, by kind */
                sent: {
                    visit?: number;
                    connect?: number;
                    message?: number;
                    withdraw?: number;
                };
                /** @description acceptances of invitations sent under this version */
                accepted: number;
                /** @description replies after an action of this version (the last before the reply) */
                replied: number;
            }[];
            /** @description each step with variants, each variant with what it got (empty without variants) */
            variants: {
                step: number;
                /** @enum {string} */
                kind: "connect" | "message";
                /**
                 * @description what a success is: an invitation accepted, a message replied to
                 * @enum {string}
                 */
                outcome: "accepted" | "replied";
                variants: {
                    name: string;
                    /** @description name#hash of the text: a variant whose text is edited is another one */
                    key: string;
                    /**
                     * @description retired: no longer in the definition
                     * @enum {string}
                     */
                    state: "active" | "paused" | "retired";
                    /** @description found best with autoWinner: the only one sent while active */
                    winner: boolean;
                    sent: number;
                    /** @description invitations decided as for an acceptance rate; messages replied to, followed by another, ended, or 14 days old */
                    decided: number;
                    successes: number;
                    /** @description successes over decided */
                    rate: number | null;
                    /** @description the 95% interval's low end (Beta posterior) */
                    low: number | null;
                    /** @description the 95% interval's high end */
                    high: number | null;
                    /** @description the probability of being the best of the step's active variants */
                    probabilityBest: number | null;
                    byVersion: {
                        version: number | null;
                        sent: number;
                        /** @description invitations decided as for an acceptance rate; messages replied to, followed by another, ended, or 14 days old */
                        decided: number;
                        successes: number;
                    }[];
                }[];
            }[];
        };
        EnrollmentList: {
            enrollments: components["schemas"]["Enrollment"][];
            page: components["schemas"]["Page"];
        };
        Enrollment: {
            id: number;
            /** @description the person enrolled (GET /v1/persons, DELETE /v1/persons/{id}) */
            personId: number;
            campaign: string;
            account: string;
            /** @enum {string} */
            status: "ready" | "in_flight" | "invited" | "done";
            /** @description the index of the next step in the campaign's steps */
            step: number;
            /** @enum {string|null} */
            nextKind: "visit" | "connect" | "message" | "withdraw" | null;
            /** @description when the next action may run; null: not scheduled */
            readyAt: string | null;
            endReason: string | null;
            /**
             * @description ended by the owner while its pending withdrawal or task was still to come: it ends with this reason then
             * @enum {string|null}
             */
            stopReason: "stopped" | "removed" | "suppressed" | null;
            prospect: {
                url: string;
                firstName: string;
                lastName: string;
                /** @description the name as shown: the full name as the imported file wrote it, else first and last name */
                fullName: string;
                company: string;
                title: string;
                location: string;
                /** @description the zone this prospect is scheduled in */
                timezone: string;
            };
            enrolledAt: string;
            /** @description ISO 8601 (UTC), null when it has not happened */
            visitedAt: string | null;
            /** @description ISO 8601 (UTC), null when it has not happened */
            invitedAt: string | null;
            /** @description ISO 8601 (UTC), null when it has not happened */
            acceptedAt: string | null;
            /** @description ISO 8601 (UTC), null when it has not happened */
            repliedAt: string | null;
            /** @description ISO 8601 (UTC), null when it has not happened */
            withdrawnAt: string | null;
        };
        ProspectRemoved: {
            person: {
                id: number;
                url: string;
            };
            enrollments: components["schemas"]["EndedEnrollment"][];
            /** @description what happened, in a sentence (the CLI prints it) */
            summary: string;
        };
        EndedEnrollment: {
            enrollmentId: number;
            campaign: string;
            /**
             * @description ended: now; withdrawal: its pending invitation is still withdrawn on schedule (at `at`), then it ends; task: it ends when its task in flight is answered or skipped
             * @enum {string}
             */
            outcome: "ended" | "withdrawal" | "task";
            at: string | null;
        };
        Person: {
            id: number;
            name: string;
            /** @description the profile URL shown for them */
            url: string;
            /** @description every canonical identifier they are known by */
            identifiers: string[];
            /** @description enrollments not ended yet */
            activeEnrollments: number;
        };
        PersonErased: {
            person: {
                id: number;
                url: string;
            } | null;
            dryRun: boolean;
            erased: {
                persons: number;
                identifiers: number;
                enrollments: number;
                /** @description log rows kept for the account's budgets, without campaign, person, prospect or text */
                logRows: number;
                replies: number;
                notifications: number;
                webhookDeliveries: number;
                /** @description import refusals that named them */
                unreachable: number;
                /** @description profile entries of the do-not-contact list naming them, replaced by hashes */
                suppressionEntries: number;
            };
            /** @description tasks nobody held, put back unperformed first */
            releasedTasks: number;
            /** @description their identifiers on the do-not-contact list as salted hashes */
            hashes: {
                added: number;
                alreadyListed: number;
            };
            /** @description pending invitations linkpace can no longer withdraw: withdraw them by hand on LinkedIn */
            withdrawByHand: {
                account: string;
                campaign: string;
                invitedAt: string | null;
            }[];
            summary: string;
        };
        MarkResult: {
            /** @enum {string} */
            status: "applied" | "already" | "nothing";
            /** @enum {string} */
            recorded: "accepted" | "replied" | "declined" | "connected";
            person: string;
            account: string | null;
            campaign: string | null;
            at: string;
            message: string;
            /** @description replied, when a reply is on record: the one kept (its id in GET /v1/replies) and its text */
            reply?: {
                id: number;
                text: string | null;
            };
        };
        Mark: {
            /**
             * @description any profile URL of the person
             * @example https://www.linkedin.com/in/jane-doe
             */
            person: string;
            /** @enum {string} */
            outcome: "accepted" | "replied" | "declined" | "connected";
            /** @description when it happened (default: now) */
            at?: string;
            /** @description the account concerned (default: the one that has this person in a campaign) */
            account?: string;
            /** @description replied: the reply's text, as pasted (kept in the replies, the activity export and the webhook) */
            text?: string;
        };
        ReplyList: {
            replies: components["schemas"]["Reply"][];
            page: components["schemas"]["Page"];
        };
        Reply: {
            id: number;
            /** @description the person who replied (GET /v1/persons, DELETE /v1/persons/{id}) */
            personId: number;
            /** @description when they replied (UTC) */
            at: string;
            account: string;
            /** @description the campaign of the enrollment the reply came in, when known */
            campaign: string | null;
            prospect: {
                url: string;
                firstName: string;
                lastName: string;
                /** @description the name as shown: the full name as the imported file wrote it, else first and last name */
                fullName: string;
                company: string;
                title: string;
            };
            /** @description the reply's text, when someone pasted it (or the archive had it) */
            text: string | null;
            handled: boolean;
            /** @description when it was marked handled (UTC); null: not handled */
            handledAt: string | null;
        };
        ReplyHandled: {
            /** @description true: handled; false: not handled (again) */
            handled: boolean;
        };
        TaskReplyResult: {
            actionId: number;
            reply: components["schemas"]["MarkResult"] & unknown;
            /** @description the task was put back unperformed, nothing charged: the campaign stops on reply */
            released: boolean;
            /** @description the task's enrollment has ended "replied" */
            ended: boolean;
        };
        TaskReply: {
            /** @description the reply's text, as pasted (optional) */
            text?: string;
        };
        SuppressionList: {
            suppressions: components["schemas"]["Suppression"][];
            page: components["schemas"]["Page"];
        };
        Suppression: {
            id: number;
            /**
             * @description profile: a profile URL; company: a company name; domain: an email or website domain; hash: an erased person's identifier
             * @enum {string}
             */
            kind: "profile" | "company" | "domain" | "hash";
            /** @description the normalised value it matches by (a hash entry: the salted SHA-256, hex) */
            value: string;
            /** @description what was typed ("" for a hash entry) */
            input: string;
            reason: string | null;
            /** @description when it was added (UTC) */
            createdAt: string;
        };
        SuppressionsAdded: {
            /** @description entries new on the list */
            added: number;
            /** @description entries given that were on the list already (left as they were) */
            alreadyListed: number;
            /** @description enrollments ended now, reason suppressed */
            ended: number;
            /** @description pending invitations whose withdrawal is due now (in the sender's working hours); they then end suppressed */
            withdrawals: number;
            /** @description enrollments whose task a runner or agent holds: its result is recorded, then they end suppressed */
            awaitingResult: number;
            /** @description every entry given, in order, as on the list now */
            entries: {
                id: number;
                /**
                 * @description profile: a profile URL; company: a company name; domain: an email or website domain; hash: an erased person's identifier
                 * @enum {string}
                 */
                kind: "profile" | "company" | "domain" | "hash";
                /** @description the normalised value it matches by (a hash entry: the salted SHA-256, hex) */
                value: string;
                /** @description what was typed ("" for a hash entry) */
                input: string;
                reason: string | null;
                /** @description when it was added (UTC) */
                createdAt: string;
                added: boolean;
            }[];
        };
        NewSuppressions: {
            entries: components["schemas"]["NewSuppressionEntry"][];
            /**
             * @description why, kept with each entry (customer, competitor, asked not to be contacted…)
             * @example customer
             */
            reason?: string;
        };
        NewSuppressionEntry: {
            /** @enum {string} */
            kind: "profile" | "company" | "domain";
            /**
             * @description a profile URL, a company name, or a domain (example.com, a URL or an email address)
             * @example acme.com
             */
            value: string;
        };
        SuppressionRemoved: {
            removed: components["schemas"]["Suppression"];
        };
        ArchiveReport: {
            file: string;
            account: string;
            dryRun: boolean;
            connections: number;
            accepted: number;
            alreadyConnected: number;
            invitationsAdopted: number;
            /** @description where the adopted invitations went, by campaign */
            adoptedInto: {
                campaign: string;
                invitations: number;
            }[];
            replies: number;
            messagesSeen: number;
            /** @description people on the do-not-contact list whom this import gave an enrollment or a new identifier: they end (a pending invitation is withdrawn first) */
            suppressed: number;
            unreadable: number;
            problems: {
                file: string;
                /** @description 0: the file as a whole */
                line: number;
                reason: string;
            }[];
            /** @description the account's campaign for adopted invitations of people in no campaign (created on first use) */
            adoptedCampaign: string;
            owner: {
                identifiers: string[];
                /** @enum {string} */
                source: "invitations" | "profile" | "conversations";
            } | null;
            read: {
                connections: number;
                invitationsOutgoing: number;
                invitationsIncoming: number;
                messages: number;
                draftsSkipped: number;
            };
            files: {
                name: string;
                /** @enum {string|null} */
                table: "connections" | "invitations" | "messages" | "profile" | null;
                skipped?: string;
            }[];
        };
        CampaignPreview: {
            /** @description the account's invitation note limit, in characters */
            noteLimit: number;
            steps: {
                step: number;
                /** @enum {string} */
                kind: "visit" | "connect" | "message" | "withdraw";
                template: string | null;
            }[];
            prospects: {
                url: string;
                firstName: string;
                lastName: string;
                /** @description the name as shown: the full name as the imported file wrote it, else first and last name */
                fullName: string;
                company: string;
                title: string;
                renders: {
                    step: number;
                    /** @enum {string} */
                    kind: "visit" | "connect" | "message" | "withdraw";
                    /** @description as it would be sent; null for steps without text */
                    text: string | null;
                    /** @description as LinkedIn counts them */
                    chars: number;
                    sendable: boolean;
                    problem: string | null;
                }[];
            }[];
            /** @description prospects with at least one text that cannot be sent */
            unsendable: number;
            /**
             * @description campaign: prospects of the campaign of that name; workspace: the most recent people
             * @enum {string}
             */
            source: "campaign" | "workspace";
        };
        CampaignPreviewRequest: {
            definition: components["schemas"]["Document"];
            /**
             * @description how many prospects (default 10)
             * @default 10
             */
            limit: number;
        };
        Session: {
            workspace: {
                id: number;
                name: string;
            };
            /** @enum {string} */
            via: "token" | "session";
            /** @description null when the request used a bearer token */
            csrfToken: string | null;
            /**
             * Format: date-time
             * @description null when the request used a bearer token
             */
            expiresAt: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
