// Generated from the server's /openapi.json by `npm run gen:api` (scripts/gen-api-types.ts). Do not edit.

export interface paths {
    "/{teamId}/agent/{agentId}.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an agent, with the models, tools and variables it can use
         * @description An id that is not one of the team’s agents answers 404 (the reference answers `agent: null`).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agentId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                _id: string;
                            } & {
                                [key: string]: unknown;
                            };
                            agent: {
                                _id: string;
                                allowDelegation: boolean;
                                backstory: string;
                                dateCreated: string;
                                functionModelId: string | null;
                                goal: string;
                                icon: {
                                    [key: string]: unknown;
                                } | null;
                                maxIter: number | null;
                                maxRPM: number | null;
                                /** @description null once its model was deleted */
                                modelId: string | null;
                                name: string;
                                orgId: string;
                                role: string;
                                teamId: string;
                                /** @description Team tools and built-in tools */
                                toolIds: string[];
                                variableIds: string[];
                                verbose: boolean;
                            };
                            csrf: string;
                            models: {
                                _id: string;
                                /** @description The provider config; secret values are masked (sk-…1234) */
                                config: {
                                    [key: string]: unknown;
                                };
                                dateCreated: string;
                                embeddingLength: number;
                                model: string;
                                /** @description llm | embedding */
                                modelType: string;
                                name: string;
                                orgId: string;
                                teamId: string;
                                type: string;
                            }[];
                            tools: ({
                                _id: string;
                                /** @description data.environmentVariables values, and string fields of data at any depth whose name looks secret (apiKey, token, headers.Authorization, …), are masked */
                                data: {
                                    builtin: boolean;
                                    name: string;
                                } & {
                                    [key: string]: unknown;
                                };
                                description: string;
                                name: string;
                                state: string | null;
                                /** @description function | rag | builtin */
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            variables: {
                                _id: string;
                                createDate: string;
                                createdBy: string | null;
                                defaultValue: string;
                                description: string | null;
                                name: string;
                                orgId: string;
                                teamId: string;
                                usedInAgents: string[];
                                usedInTasks: string[];
                            }[];
                        } & {
                            [key: string]: unknown;
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
    "/{teamId}/agents.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the team’s agents, with the models, tools and variables they can use */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                _id: string;
                            } & {
                                [key: string]: unknown;
                            };
                            agents: {
                                _id: string;
                                allowDelegation: boolean;
                                backstory: string;
                                dateCreated: string;
                                functionModelId: string | null;
                                goal: string;
                                icon: {
                                    [key: string]: unknown;
                                } | null;
                                maxIter: number | null;
                                maxRPM: number | null;
                                /** @description null once its model was deleted */
                                modelId: string | null;
                                name: string;
                                orgId: string;
                                role: string;
                                teamId: string;
                                /** @description Team tools and built-in tools */
                                toolIds: string[];
                                variableIds: string[];
                                verbose: boolean;
                            }[];
                            csrf: string;
                            models: {
                                _id: string;
                                /** @description The provider config; secret values are masked (sk-…1234) */
                                config: {
                                    [key: string]: unknown;
                                };
                                dateCreated: string;
                                embeddingLength: number;
                                model: string;
                                /** @description llm | embedding */
                                modelType: string;
                                name: string;
                                orgId: string;
                                teamId: string;
                                type: string;
                            }[];
                            tools: ({
                                _id: string;
                                /** @description data.environmentVariables values, and string fields of data at any depth whose name looks secret (apiKey, token, headers.Authorization, …), are masked */
                                data: {
                                    builtin: boolean;
                                    name: string;
                                } & {
                                    [key: string]: unknown;
                                };
                                description: string;
                                name: string;
                                state: string | null;
                                /** @description function | rag | builtin */
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            variables: {
                                _id: string;
                                createDate: string;
                                createdBy: string | null;
                                defaultValue: string;
                                description: string | null;
                                name: string;
                                orgId: string;
                                teamId: string;
                                usedInAgents: string[];
                                usedInTasks: string[];
                            }[];
                        } & {
                            [key: string]: unknown;
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
    "/{teamId}/app/{appId}.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an app (crew joined) with everything an app is made of
         * @description An id that is not one of the team’s apps, or an app not shared with the caller, answers 404 (the reference answers `app: null`).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                _id: string;
                            } & {
                                [key: string]: unknown;
                            };
                            agents: {
                                _id: string;
                                allowDelegation: boolean;
                                backstory: string;
                                dateCreated: string;
                                functionModelId: string | null;
                                goal: string;
                                icon: {
                                    [key: string]: unknown;
                                } | null;
                                maxIter: number | null;
                                maxRPM: number | null;
                                /** @description null once its model was deleted */
                                modelId: string | null;
                                name: string;
                                orgId: string;
                                role: string;
                                teamId: string;
                                /** @description Team tools and built-in tools */
                                toolIds: string[];
                                variableIds: string[];
                                verbose: boolean;
                            }[];
                            app: {
                                _id: string;
                                chatAppConfig?: {
                                    agentId: string;
                                    conversationStarters: string[];
                                } & {
                                    [key: string]: unknown;
                                };
                                crew?: {
                                    _id: string;
                                    agents: string[];
                                    managerModelId: string | null;
                                    name: string;
                                    process: string;
                                    tasks: string[];
                                } & {
                                    [key: string]: unknown;
                                };
                                crewId?: string;
                                description: string;
                                name: string;
                                orgId: string;
                                sharingConfig: {
                                    mode: string;
                                    permissions: {
                                        [key: string]: string;
                                    };
                                };
                                tags: string[];
                                teamId: string;
                                /** @enum {string} */
                                type: "chat" | "crew";
                            } & {
                                [key: string]: unknown;
                            };
                            csrf: string;
                            /** @description Always empty until datasources exist */
                            datasources: ({
                                _id: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            models: {
                                _id: string;
                                /** @description The provider config; secret values are masked (sk-…1234) */
                                config: {
                                    [key: string]: unknown;
                                };
                                dateCreated: string;
                                embeddingLength: number;
                                model: string;
                                /** @description llm | embedding */
                                modelType: string;
                                name: string;
                                orgId: string;
                                teamId: string;
                                type: string;
                            }[];
                            tasks: {
                                _id: string;
                                agentId: string | null;
                                asyncExecution: boolean;
                                /** @description Ids of the tasks whose output this one reads */
                                context: string[];
                                dateCreated: string;
                                description: string;
                                displayOnlyFinalOutput: boolean;
                                expectedOutput: string;
                                formFields: {
                                    description?: string;
                                    label: string;
                                    name: string;
                                    options?: string[];
                                    position: string;
                                    required?: boolean;
                                    tooltip?: string;
                                    /** @enum {string} */
                                    type: "string" | "number" | "radio" | "checkbox" | "select" | "multiselect" | "date";
                                    /** @description A variable of the team the answer is stored in */
                                    variable?: string;
                                }[];
                                icon: {
                                    [key: string]: unknown;
                                } | null;
                                isStructuredOutput: boolean;
                                name: string;
                                orgId: string;
                                requiresHumanInput: boolean;
                                storeTaskOutput: boolean;
                                taskOutputFileName: string | null;
                                taskOutputVariableName: string | null;
                                teamId: string;
                                toolIds: string[];
                                variableIds: string[];
                            }[];
                            /** @description Emails of the team’s members */
                            teamMembers: string[];
                            tools: ({
                                _id: string;
                                /** @description data.environmentVariables values, and string fields of data at any depth whose name looks secret (apiKey, token, headers.Authorization, …), are masked */
                                data: {
                                    builtin: boolean;
                                    name: string;
                                } & {
                                    [key: string]: unknown;
                                };
                                description: string;
                                name: string;
                                state: string | null;
                                /** @description function | rag | builtin */
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            variables: {
                                _id: string;
                                createDate: string;
                                createdBy: string | null;
                                defaultValue: string;
                                description: string | null;
                                name: string;
                                orgId: string;
                                teamId: string;
                                usedInAgents: string[];
                                usedInTasks: string[];
                            }[];
                        } & {
                            [key: string]: unknown;
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
    "/{teamId}/apps.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the team’s apps (newest first, crews joined) with everything an app is made of
         * @description Apps shared only with their owner or a whitelist are listed to those people and to team admins.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                _id: string;
                            } & {
                                [key: string]: unknown;
                            };
                            agents: {
                                _id: string;
                                allowDelegation: boolean;
                                backstory: string;
                                dateCreated: string;
                                functionModelId: string | null;
                                goal: string;
                                icon: {
                                    [key: string]: unknown;
                                } | null;
                                maxIter: number | null;
                                maxRPM: number | null;
                                /** @description null once its model was deleted */
                                modelId: string | null;
                                name: string;
                                orgId: string;
                                role: string;
                                teamId: string;
                                /** @description Team tools and built-in tools */
                                toolIds: string[];
                                variableIds: string[];
                                verbose: boolean;
                            }[];
                            apps: ({
                                _id: string;
                                chatAppConfig?: {
                                    agentId: string;
                                    conversationStarters: string[];
                                } & {
                                    [key: string]: unknown;
                                };
                                crew?: {
                                    _id: string;
                                    agents: string[];
                                    managerModelId: string | null;
                                    name: string;
                                    process: string;
                                    tasks: string[];
                                } & {
                                    [key: string]: unknown;
                                };
                                crewId?: string;
                                description: string;
                                name: string;
                                orgId: string;
                                sharingConfig: {
                                    mode: string;
                                    permissions: {
                                        [key: string]: string;
                                    };
                                };
                                tags: string[];
                                teamId: string;
                                /** @enum {string} */
                                type: "chat" | "crew";
                            } & {
                                [key: string]: unknown;
                            })[];
                            csrf: string;
                            /** @description Always empty until datasources exist */
                            datasources: ({
                                _id: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            models: {
                                _id: string;
                                /** @description The provider config; secret values are masked (sk-…1234) */
                                config: {
                                    [key: string]: unknown;
                                };
                                dateCreated: string;
                                embeddingLength: number;
                                model: string;
                                /** @description llm | embedding */
                                modelType: string;
                                name: string;
                                orgId: string;
                                teamId: string;
                                type: string;
                            }[];
                            tasks: {
                                _id: string;
                                agentId: string | null;
                                asyncExecution: boolean;
                                /** @description Ids of the tasks whose output this one reads */
                                context: string[];
                                dateCreated: string;
                                description: string;
                                displayOnlyFinalOutput: boolean;
                                expectedOutput: string;
                                formFields: {
                                    description?: string;
                                    label: string;
                                    name: string;
                                    options?: string[];
                                    position: string;
                                    required?: boolean;
                                    tooltip?: string;
                                    /** @enum {string} */
                                    type: "string" | "number" | "radio" | "checkbox" | "select" | "multiselect" | "date";
                                    /** @description A variable of the team the answer is stored in */
                                    variable?: string;
                                }[];
                                icon: {
                                    [key: string]: unknown;
                                } | null;
                                isStructuredOutput: boolean;
                                name: string;
                                orgId: string;
                                requiresHumanInput: boolean;
                                storeTaskOutput: boolean;
                                taskOutputFileName: string | null;
                                taskOutputVariableName: string | null;
                                teamId: string;
                                toolIds: string[];
                                variableIds: string[];
                            }[];
                            /** @description Emails of the team’s members */
                            teamMembers: string[];
                            tools: ({
                                _id: string;
                                /** @description data.environmentVariables values, and string fields of data at any depth whose name looks secret (apiKey, token, headers.Authorization, …), are masked */
                                data: {
                                    builtin: boolean;
                                    name: string;
                                } & {
                                    [key: string]: unknown;
                                };
                                description: string;
                                name: string;
                                state: string | null;
                                /** @description function | rag | builtin */
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            variables: {
                                _id: string;
                                createDate: string;
                                createdBy: string | null;
                                defaultValue: string;
                                description: string | null;
                                name: string;
                                orgId: string;
                                teamId: string;
                                usedInAgents: string[];
                                usedInTasks: string[];
                            }[];
                        } & {
                            [key: string]: unknown;
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
    "/{teamId}/forms/agent/{agentId}": {
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
         * Delete an agent
         * @description Also removes it from the team’s crews and unsets it on tasks. An agent a chat app talks through is refused with 409 "Agent is used by apps: <names>".
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agentId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        agentId?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{teamId}/forms/agent/{agentId}/edit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Edit an agent
         * @description Same body and checks as add; another agent of the team with the same name is refused with "Duplicate agent name".
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    agentId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        allowDelegation?: boolean | string | null;
                        backstory: string;
                        /** @description Accepted and ignored until assets exist */
                        cloning?: unknown;
                        /** @description An LLM of the team, optional */
                        functionModelId?: string | null;
                        goal: string;
                        /** @description Accepted and ignored until assets exist */
                        iconId?: string | null;
                        maxIter?: number | string | null;
                        maxRPM?: number | string | null;
                        /** @description An LLM of the team */
                        modelId: string;
                        name: string;
                        role: string;
                        /** @description Team tools or built-in tools; [] when omitted */
                        toolIds?: string[] | null;
                        /** @description Variables of the team; [] when omitted */
                        variableIds?: string[] | null;
                        verbose?: boolean | string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
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
    "/{teamId}/forms/agent/add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an agent
         * @description The model, function-calling model, tools and variables must be the team’s (tools may also be built-in); both models must be LLMs.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        allowDelegation?: boolean | string | null;
                        backstory: string;
                        /** @description Accepted and ignored until assets exist */
                        cloning?: unknown;
                        /** @description An LLM of the team, optional */
                        functionModelId?: string | null;
                        goal: string;
                        /** @description Accepted and ignored until assets exist */
                        iconId?: string | null;
                        maxIter?: number | string | null;
                        maxRPM?: number | string | null;
                        /** @description An LLM of the team */
                        modelId: string;
                        name: string;
                        role: string;
                        /** @description Team tools or built-in tools; [] when omitted */
                        toolIds?: string[] | null;
                        /** @description Variables of the team; [] when omitted */
                        variableIds?: string[] | null;
                        verbose?: boolean | string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            _id: string;
                            redirect: string;
                        };
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
    "/{teamId}/forms/app/{appId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an app and its crew (its sessions are kept) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        appId?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{teamId}/forms/app/{appId}/edit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Edit an app (its crew is updated with it)
         * @description Same body and checks as add; `description` is required here, as in the reference.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description chat apps: an agent of the team whose model a chat app can drive */
                        agentId?: string | null;
                        /** @description crew apps: agents of the team, at least one */
                        agents?: string[] | null;
                        cache?: boolean | string | null;
                        /** @description Accepted and ignored until assets exist */
                        cloning?: unknown;
                        /** @description chat apps */
                        conversationStarters?: string[] | null;
                        description: string;
                        fullOutput?: boolean | string | null;
                        /** @description Accepted and ignored until assets exist */
                        iconId?: string | null;
                        /** @description Variables of the team asked for at kickoff */
                        kickOffVariablesIds?: string[] | null;
                        /** @description hierarchical crews: an LLM of the team */
                        managerModelId?: string | null;
                        /** @description chat apps: optional positive whole number */
                        maxMessages?: number | string | null;
                        memory?: boolean | string | null;
                        name: string;
                        /** @description crew apps: sequential (default) | hierarchical */
                        process?: ("sequential" | "hierarchical") | null;
                        /** @description Accepted and ignored, as in the reference */
                        recursionLimit?: unknown;
                        /** @description When true the answer is `{_id}` alone (the client starts a session next) */
                        run?: boolean | string | null;
                        /** @description Stored as given (share links come later) */
                        shareLinkShareId?: string | null;
                        /** @description whitelist: emails of members of the team (other emails are refused; no account is created) */
                        sharingEmails?: string[] | null;
                        /** @enum {string} */
                        sharingMode: "team" | "public" | "owner" | "whitelist";
                        tags?: string[] | null;
                        /** @description crew apps: tasks of the team, at least one */
                        tasks?: string[] | null;
                        /** @enum {string} */
                        type: "chat" | "crew";
                        /** @description Accepted and not stored, as in the reference */
                        variableIds?: string[] | null;
                        verbose?: boolean | string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
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
    "/{teamId}/forms/app/add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a chat app or a crew app
         * @description Answers a plain 200 `{_id, redirect}` (`{_id}` when `run` is true), as the reference does. Chat apps need `agentId` (an agent whose model is an LLM of a supported provider type); crew apps need `tasks` and `agents`, and `managerModelId` when `process` is hierarchical.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description chat apps: an agent of the team whose model a chat app can drive */
                        agentId?: string | null;
                        /** @description crew apps: agents of the team, at least one */
                        agents?: string[] | null;
                        cache?: boolean | string | null;
                        /** @description Accepted and ignored until assets exist */
                        cloning?: unknown;
                        /** @description chat apps */
                        conversationStarters?: string[] | null;
                        description?: string | null;
                        fullOutput?: boolean | string | null;
                        /** @description Accepted and ignored until assets exist */
                        iconId?: string | null;
                        /** @description Variables of the team asked for at kickoff */
                        kickOffVariablesIds?: string[] | null;
                        /** @description hierarchical crews: an LLM of the team */
                        managerModelId?: string | null;
                        /** @description chat apps: optional positive whole number */
                        maxMessages?: number | string | null;
                        memory?: boolean | string | null;
                        name: string;
                        /** @description crew apps: sequential (default) | hierarchical */
                        process?: ("sequential" | "hierarchical") | null;
                        /** @description Accepted and ignored, as in the reference */
                        recursionLimit?: unknown;
                        /** @description When true the answer is `{_id}` alone (the client starts a session next) */
                        run?: boolean | string | null;
                        /** @description Stored as given (share links come later) */
                        shareLinkShareId?: string | null;
                        /** @description whitelist: emails of members of the team (other emails are refused; no account is created) */
                        sharingEmails?: string[] | null;
                        /** @enum {string} */
                        sharingMode: "team" | "public" | "owner" | "whitelist";
                        tags?: string[] | null;
                        /** @description crew apps: tasks of the team, at least one */
                        tasks?: string[] | null;
                        /** @enum {string} */
                        type: "chat" | "crew";
                        /** @description Accepted and not stored, as in the reference */
                        variableIds?: string[] | null;
                        verbose?: boolean | string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            _id: string;
                            redirect?: string;
                        };
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
    "/{teamId}/forms/model/{modelId}": {
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
         * Delete a model
         * @description Also unsets it wherever the team uses it: agents’ model and function model, crews’ manager model, team defaults.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    modelId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        modelId?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{teamId}/forms/model/{modelId}/edit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Edit a model
         * @description Secrets that are omitted, or sent back masked as read, keep their stored value; an empty string clears an optional one. An edit that changes where requests go (`base_url`, `azure_endpoint`, Vertex `project`/`location`, the type) must enter the secrets again.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    modelId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Provider settings (api_key, base_url, …). Keys naming a key/secret/token/password/credential are encrypted and shown masked */
                        config?: ({
                            model?: string | null;
                        } & {
                            [key: string]: unknown;
                        }) | null;
                        /** @description Vector size, required for embedding models Nimbus does not know */
                        embeddingLength?: number | null;
                        /** @description Any model name the provider serves; `config.model` is accepted instead */
                        model?: string | null;
                        /** @description Derived from known model names when omitted */
                        modelType?: ("llm" | "embedding") | null;
                        name: string;
                        /** @description Omitted: keeps the stored type */
                        type?: ("open_ai" | "azure" | "anthropic" | "google_ai" | "google_vertex" | "groq" | "ollama" | "fastembed" | "openai_compatible") | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
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
    "/{teamId}/forms/model/add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a model
         * @description Any provider type of the list, including `openai_compatible` (vLLM, LM Studio, OpenRouter, …) which needs `config.base_url`. The model name is free text.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Provider settings (api_key, base_url, …). Keys naming a key/secret/token/password/credential are encrypted and shown masked */
                        config?: ({
                            model?: string | null;
                        } & {
                            [key: string]: unknown;
                        }) | null;
                        /** @description Vector size, required for embedding models Nimbus does not know */
                        embeddingLength?: number | null;
                        /** @description Any model name the provider serves; `config.model` is accepted instead */
                        model?: string | null;
                        /** @description Derived from known model names when omitted */
                        modelType?: ("llm" | "embedding") | null;
                        name: string;
                        /** @enum {string} */
                        type: "open_ai" | "azure" | "anthropic" | "google_ai" | "google_vertex" | "groq" | "ollama" | "fastembed" | "openai_compatible";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            _id: string;
                            redirect: string;
                        };
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
    "/{teamId}/forms/org/{memberId}/edit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change a member’s org role (ORG_ADMIN or ORG_MEMBER)
         * @description Needs "Edit Org Member" (the reference asked only for "Edit Team Member", which let any team admin make themselves org admin). The org owner’s role cannot be changed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    memberId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description ORG_ADMIN | ORG_MEMBER */
                        template?: string | null;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
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
    "/{teamId}/forms/org/edit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rename the org (the org owner may; the reference let only ROOT) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        orgName: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
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
    "/{teamId}/forms/org/invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member from every team of the org (their access ends at once) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        memberId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{teamId}/forms/session/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a session and its messages */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        sessionId?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{teamId}/forms/session/{sessionId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a session: status terminated and the run stops */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        sessionId?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
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
    "/{teamId}/forms/session/{sessionId}/edit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set the session’s variables (before starting it) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        sessionId?: string;
                        variables: {
                            [key: string]: string | number | boolean;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            session: {
                                [key: string]: unknown;
                            };
                        };
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
    "/{teamId}/forms/session/{sessionId}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start (or restart) a session: clears a stop and runs it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        appType?: "chat" | "crew";
                        sessionId?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
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
    "/{teamId}/forms/session/add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a session from an app (and start it)
         * @description Body: `{"id": "<appId>"}`, `{"appId": "<appId>"}` or the bare JSON string `"<appId>"`; optional `skipRun`. Answers 302 with `Location: /{teamId}/session/{sessionId}` and `{_id, redirect}`. Unless `skipRun` is true or the app needs variables first, the session starts at once.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": string | {
                        appId?: unknown;
                        id?: unknown;
                        skipRun?: (boolean | ("true" | "false")) | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            _id: string;
                            redirect: string;
                        };
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
    "/{teamId}/forms/task/{taskId}": {
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
         * Delete a task
         * @description Also removes it from the team’s crews and from other tasks’ context.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    taskId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        taskId?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{teamId}/forms/task/{taskId}/edit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Edit a task
         * @description Same body and checks as add; a context that leads back to the task itself is refused.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    taskId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description An agent of the team, optional */
                        agentId?: string | null;
                        asyncExecution?: boolean | null;
                        /** @description Earlier tasks of the team whose output this one reads; [] when omitted */
                        context?: string[] | null;
                        description: string;
                        displayOnlyFinalOutput?: boolean | string | null;
                        expectedOutput: string;
                        /** @description Human input fields {position, type, name, label, description?, required?, options?, tooltip?, variable?} */
                        formFields?: {
                            [key: string]: unknown;
                        }[] | null;
                        /** @description Accepted and ignored until assets exist */
                        iconId?: string | null;
                        isStructuredOutput?: boolean | string | null;
                        name: string;
                        requiresHumanInput?: boolean | null;
                        storeTaskOutput?: boolean | string | null;
                        /** @description Whitespace becomes _ */
                        taskOutputFileName?: string | null;
                        taskOutputVariableName?: string | null;
                        /** @description Team tools or built-in tools; [] when omitted */
                        toolIds?: string[] | null;
                        /** @description Variables of the team; [] when omitted */
                        variableIds?: string[] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
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
    "/{teamId}/forms/task/add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a task
         * @description The agent, tools, context tasks and variables (also those of human input fields) must be the team’s (tools may also be built-in).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description An agent of the team, optional */
                        agentId?: string | null;
                        asyncExecution?: boolean | null;
                        /** @description Earlier tasks of the team whose output this one reads; [] when omitted */
                        context?: string[] | null;
                        description: string;
                        displayOnlyFinalOutput?: boolean | string | null;
                        expectedOutput: string;
                        /** @description Human input fields {position, type, name, label, description?, required?, options?, tooltip?, variable?} */
                        formFields?: {
                            [key: string]: unknown;
                        }[] | null;
                        /** @description Accepted and ignored until assets exist */
                        iconId?: string | null;
                        isStructuredOutput?: boolean | string | null;
                        name: string;
                        requiresHumanInput?: boolean | null;
                        storeTaskOutput?: boolean | string | null;
                        /** @description Whitespace becomes _ */
                        taskOutputFileName?: string | null;
                        taskOutputVariableName?: string | null;
                        /** @description Team tools or built-in tools; [] when omitted */
                        toolIds?: string[] | null;
                        /** @description Variables of the team; [] when omitted */
                        variableIds?: string[] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            _id: string;
                            redirect: string;
                        };
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
    "/{teamId}/forms/team/{memberId}/edit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change a member’s role (TEAM_MEMBER or TEAM_ADMIN)
         * @description The team owner’s role cannot be changed. Takes effect on the member’s next request.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    memberId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description TEAM_MEMBER | TEAM_ADMIN */
                        template?: string | null;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
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
    "/{teamId}/forms/team/add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a team in this team’s org, owned by the caller
         * @description The client then switches to it with /forms/account/switch.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        teamName: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            _id: string;
                            orgId: string;
                        };
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
    "/{teamId}/forms/team/edit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rename the team */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        teamName: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
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
    "/{teamId}/forms/team/invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invite someone to the team by email, creating their account if it is new
         * @description No e-mail is sent: the answer carries `inviteUrl` (`/verify?token=…`, one use, valid 7 days) to hand to the invitee. A new account joins at once and sets its password through the link; an existing account joins only when, logged in, it accepts the link (POST /forms/account/invite/accept).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        name: string;
                        /** @enum {string} */
                        template: "TEAM_MEMBER" | "TEAM_ADMIN";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            inviteUrl?: string;
                        };
                    };
                };
            };
        };
        /** Remove a member from the team (their access ends at once), or withdraw their pending invitation */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        memberId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{teamId}/forms/team/set-default-model": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set the team’s default LLM or embedding model
         * @description The model must be one of the team’s, of the kind it is set as (the reference checks neither).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        modelId: string;
                        /** @enum {string} */
                        modelType: "llm" | "embedding";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
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
    "/{teamId}/forms/tool/{toolId}": {
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
         * Delete a tool
         * @description Also removes it from the team’s agents and tasks. A built-in tool id only removes it from the team’s agents.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                    toolId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        toolId?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{teamId}/forms/tool/{toolId}/edit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Edit a tool
         * @description `functionNeedsUpdate` tells whether the code, requirements, runtime or environment of a function tool changed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                    toolId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        cloning?: boolean | null;
                        /** @description {description, parameters, code?, requirements?, runtime?, environmentVariables?, …}. Environment variable values, and string fields at any depth whose name looks secret (apiKey, token, password, headers.Authorization, …), are encrypted and shown masked; sending a mask back keeps the value, and so does omitting a data secret. */
                        data?: {
                            [key: string]: unknown;
                        } | null;
                        /** @description rag tools: a datasource of the team */
                        datasourceId?: string | null;
                        description?: string | null;
                        /** @description Accepted and ignored until assets exist */
                        iconId?: string | null;
                        linkedToolId?: string | null;
                        name: string;
                        parameters?: {
                            [key: string]: unknown;
                        } | null;
                        /** @description Qdrant-style {must?, should?, must_not?} conditions */
                        ragFilters?: unknown;
                        /** @description rag tools: raw | self_query | time_weighted | multi_query */
                        retriever?: string | null;
                        retriever_config?: {
                            [key: string]: unknown;
                        } | null;
                        schema?: string | null;
                        /** @description Optional: the path id is used; a different one is refused */
                        toolId?: string;
                        /** @enum {string} */
                        type: "function" | "rag" | "builtin";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            functionNeedsUpdate: boolean;
                        };
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
    "/{teamId}/forms/tool/add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a tool
         * @description function tools (code with runtime python3x or javascript, run in a sandbox when called, so `state` is `ready` at once) and builtin-type tools. rag tools need a datasource of the team: none can exist yet, so they are refused with "Invalid data sources".
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        cloning?: boolean | null;
                        /** @description {description, parameters, code?, requirements?, runtime?, environmentVariables?, …}. Environment variable values, and string fields at any depth whose name looks secret (apiKey, token, password, headers.Authorization, …), are encrypted and shown masked; sending a mask back keeps the value, and so does omitting a data secret. */
                        data?: {
                            [key: string]: unknown;
                        } | null;
                        /** @description rag tools: a datasource of the team */
                        datasourceId?: string | null;
                        description?: string | null;
                        /** @description Accepted and ignored until assets exist */
                        iconId?: string | null;
                        linkedToolId?: string | null;
                        name: string;
                        parameters?: {
                            [key: string]: unknown;
                        } | null;
                        /** @description Qdrant-style {must?, should?, must_not?} conditions */
                        ragFilters?: unknown;
                        /** @description rag tools: raw | self_query | time_weighted | multi_query */
                        retriever?: string | null;
                        retriever_config?: {
                            [key: string]: unknown;
                        } | null;
                        schema?: string | null;
                        /** @enum {string} */
                        type: "function" | "rag" | "builtin";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            _id: string;
                            redirect: string;
                        };
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
    "/{teamId}/forms/variable/{variableId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a variable no agent or task uses */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                    variableId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        variableId?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/{teamId}/forms/variable/{variableId}/edit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Edit a variable */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                    variableId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        defaultValue: string;
                        description?: string | null;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
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
    "/{teamId}/forms/variable/add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a variable */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        defaultValue: string;
                        description?: string | null;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            _id: string;
                        };
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
    "/{teamId}/model/{modelId}.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a model
         * @description An id that is not one of the team’s models answers 404 (the reference answers `model: null`).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    modelId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                _id: string;
                            } & {
                                [key: string]: unknown;
                            };
                            csrf: string;
                            model: {
                                _id: string;
                                /** @description The provider config; secret values are masked (sk-…1234) */
                                config: {
                                    [key: string]: unknown;
                                };
                                dateCreated: string;
                                embeddingLength: number;
                                model: string;
                                /** @description llm | embedding */
                                modelType: string;
                                name: string;
                                orgId: string;
                                teamId: string;
                                type: string;
                            };
                        } & {
                            [key: string]: unknown;
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
    "/{teamId}/models.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the team’s models
         * @description Secrets in `config` are masked. `suggestions` lists known model names per provider type.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                _id: string;
                            } & {
                                [key: string]: unknown;
                            };
                            csrf: string;
                            models: {
                                _id: string;
                                /** @description The provider config; secret values are masked (sk-…1234) */
                                config: {
                                    [key: string]: unknown;
                                };
                                dateCreated: string;
                                embeddingLength: number;
                                model: string;
                                /** @description llm | embedding */
                                modelType: string;
                                name: string;
                                orgId: string;
                                teamId: string;
                                type: string;
                            }[];
                            /** @description Known model names per provider type: suggestions, not a limit */
                            suggestions: {
                                [key: string]: string[];
                            };
                        } & {
                            [key: string]: unknown;
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
    "/{teamId}/models/test-model.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Is the offline test model (the fake LLM server) running? It echoes; it is not a real model. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            available: boolean;
                            baseUrl: string;
                            command: string;
                            model: string;
                            name: string;
                            /** @enum {string} */
                            type: "openai_compatible";
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
    "/{teamId}/org.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The org of this team: its teams, members of all its teams and their org permissions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                _id: string;
                            } & {
                                [key: string]: unknown;
                            };
                            csrf: string;
                            members: {
                                _id: string;
                                email: string;
                                emailVerified: boolean;
                                memberId: string;
                                name: string;
                            }[];
                            org: {
                                _id: string;
                                dateCreated: string;
                                members: string[];
                                name: string;
                                ownerId: string;
                                /** @description account id → base64 bitfield of org-level permissions */
                                permissions: {
                                    [key: string]: string;
                                };
                                teamIds: string[];
                            };
                        } & {
                            [key: string]: unknown;
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
    "/{teamId}/org/{memberId}.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One member of the org, with their org-level permissions
         * @description Someone who is in no team of this org answers 404.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    memberId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                _id: string;
                            } & {
                                [key: string]: unknown;
                            };
                            csrf: string;
                            orgMember: {
                                _id: string;
                                email: string;
                                emailVerified: boolean;
                                name: string;
                                /** @description base64 bitfield of the member’s org-level permissions */
                                permissions: string;
                                /** @description ORG_OWNER, ORG_ADMIN or ORG_MEMBER */
                                role: string;
                            };
                        } & {
                            [key: string]: unknown;
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
    "/{teamId}/session/{sessionId}.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a session with its app and avatar map */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                _id: string;
                            } & {
                                [key: string]: unknown;
                            };
                            app: ({
                                _id: string;
                                chatAppConfig?: {
                                    agentId: string;
                                    conversationStarters: string[];
                                } & {
                                    [key: string]: unknown;
                                };
                                crew?: {
                                    _id: string;
                                    agents: string[];
                                    managerModelId: string | null;
                                    name: string;
                                    process: string;
                                    tasks: string[];
                                } & {
                                    [key: string]: unknown;
                                };
                                crewId?: string;
                                description: string;
                                name: string;
                                orgId: string;
                                sharingConfig: {
                                    mode: string;
                                    permissions: {
                                        [key: string]: string;
                                    };
                                };
                                tags: string[];
                                teamId: string;
                                /** @enum {string} */
                                type: "chat" | "crew";
                            } & {
                                [key: string]: unknown;
                            }) | null;
                            avatarMap: {
                                [key: string]: string | null;
                            };
                            csrf: string;
                            session: {
                                _id: string;
                                appId: string;
                                lastUpdatedDate: string;
                                name: string;
                                orgId: string;
                                sharingConfig: {
                                    mode: string;
                                    permissions: {
                                        [key: string]: string;
                                    };
                                };
                                startDate: string;
                                /** @enum {string} */
                                status: "started" | "running" | "waiting" | "warning" | "error" | "terminated";
                                teamId: string;
                                tokensUsed: number;
                                variables: {
                                    [key: string]: string;
                                } | null;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
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
    "/{teamId}/session/{sessionId}/messages.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The session’s messages in order, each with its full text (or those after `messageId`) */
        get: {
            parameters: {
                query?: {
                    messageId?: string;
                };
                header?: never;
                path: {
                    sessionId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": ({
                            _id: string;
                            authorName: string;
                            chunkId: string;
                            completed: boolean;
                            isFeedback: boolean;
                            kind: string;
                            message: {
                                authorName: string;
                                incoming: boolean;
                                message: {
                                    chunkId: string;
                                    displayType: string;
                                    text: string;
                                    type: string;
                                } & {
                                    [key: string]: unknown;
                                };
                                room: string;
                            } & {
                                [key: string]: unknown;
                            };
                            rev: number;
                            seq: number;
                            sessionId: string;
                            tokens: number;
                            ts: number;
                        } & {
                            [key: string]: unknown;
                        })[];
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
    "/{teamId}/session/{sessionId}/send-message": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a user message into a session (the REST way to talk to its agent)
         * @description Any session that is not terminated accepts messages; messages sent while a reply streams are answered in order.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        messageText: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            _id: string;
                            chunkId: string;
                            message: string;
                            seq: number;
                        };
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
    "/{teamId}/session/{sessionId}/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The session as Server-Sent Events: the transcript, then live events (resumable)
         * @description Events: `message` (a whole message), `delta` (text appended at `offset`), `overwrite` (text replaced), `complete`, `status`, `terminate`. Each event id is the position `seq:rev:chars` (plus `:<state>` for state events); reconnect with `Last-Event-ID` (or `?since=`) to get exactly what came after it.
         */
        get: {
            parameters: {
                query?: {
                    since?: string;
                };
                header?: never;
                path: {
                    sessionId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Send a user message (the SSE client’s way; same as send-message) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        messageText: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            _id: string;
                            chunkId: string;
                            message: string;
                            seq: number;
                        };
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
    "/{teamId}/sessions.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The team’s ten newest sessions (before a cursor), each with its app */
        get: {
            parameters: {
                query?: {
                    before?: string;
                };
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                _id: string;
                            } & {
                                [key: string]: unknown;
                            };
                            csrf: string;
                            sessions: ({
                                _id: string;
                                app?: {
                                    _id: string;
                                    chatAppConfig?: {
                                        agentId: string;
                                        conversationStarters: string[];
                                    } & {
                                        [key: string]: unknown;
                                    };
                                    crew?: {
                                        _id: string;
                                        agents: string[];
                                        managerModelId: string | null;
                                        name: string;
                                        process: string;
                                        tasks: string[];
                                    } & {
                                        [key: string]: unknown;
                                    };
                                    crewId?: string;
                                    description: string;
                                    name: string;
                                    orgId: string;
                                    sharingConfig: {
                                        mode: string;
                                        permissions: {
                                            [key: string]: string;
                                        };
                                    };
                                    tags: string[];
                                    teamId: string;
                                    /** @enum {string} */
                                    type: "chat" | "crew";
                                } & {
                                    [key: string]: unknown;
                                };
                                appId: string;
                                lastUpdatedDate: string;
                                name: string;
                                orgId: string;
                                sharingConfig: {
                                    mode: string;
                                    permissions: {
                                        [key: string]: string;
                                    };
                                };
                                startDate: string;
                                /** @enum {string} */
                                status: "started" | "running" | "waiting" | "warning" | "error" | "terminated";
                                teamId: string;
                                tokensUsed: number;
                                variables: {
                                    [key: string]: string;
                                } | null;
                            } & {
                                [key: string]: unknown;
                            })[];
                        } & {
                            [key: string]: unknown;
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
    "/{teamId}/task": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find a task of the team by name (bare task) */
        get: {
            parameters: {
                query?: {
                    name?: string;
                };
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            _id: string;
                            agentId: string | null;
                            asyncExecution: boolean;
                            /** @description Ids of the tasks whose output this one reads */
                            context: string[];
                            dateCreated: string;
                            description: string;
                            displayOnlyFinalOutput: boolean;
                            expectedOutput: string;
                            formFields: {
                                description?: string;
                                label: string;
                                name: string;
                                options?: string[];
                                position: string;
                                required?: boolean;
                                tooltip?: string;
                                /** @enum {string} */
                                type: "string" | "number" | "radio" | "checkbox" | "select" | "multiselect" | "date";
                                /** @description A variable of the team the answer is stored in */
                                variable?: string;
                            }[];
                            icon: {
                                [key: string]: unknown;
                            } | null;
                            isStructuredOutput: boolean;
                            name: string;
                            orgId: string;
                            requiresHumanInput: boolean;
                            storeTaskOutput: boolean;
                            taskOutputFileName: string | null;
                            taskOutputVariableName: string | null;
                            teamId: string;
                            toolIds: string[];
                            variableIds: string[];
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
    "/{teamId}/task/{taskId}.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a task, with the team’s tasks (for its context), tools, agents and variables
         * @description An id that is not one of the team’s tasks answers 404 (the reference answers `task: null`).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    taskId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                _id: string;
                            } & {
                                [key: string]: unknown;
                            };
                            agents: {
                                _id: string;
                                allowDelegation: boolean;
                                backstory: string;
                                dateCreated: string;
                                functionModelId: string | null;
                                goal: string;
                                icon: {
                                    [key: string]: unknown;
                                } | null;
                                maxIter: number | null;
                                maxRPM: number | null;
                                /** @description null once its model was deleted */
                                modelId: string | null;
                                name: string;
                                orgId: string;
                                role: string;
                                teamId: string;
                                /** @description Team tools and built-in tools */
                                toolIds: string[];
                                variableIds: string[];
                                verbose: boolean;
                            }[];
                            csrf: string;
                            task: {
                                _id: string;
                                agentId: string | null;
                                asyncExecution: boolean;
                                /** @description Ids of the tasks whose output this one reads */
                                context: string[];
                                dateCreated: string;
                                description: string;
                                displayOnlyFinalOutput: boolean;
                                expectedOutput: string;
                                formFields: {
                                    description?: string;
                                    label: string;
                                    name: string;
                                    options?: string[];
                                    position: string;
                                    required?: boolean;
                                    tooltip?: string;
                                    /** @enum {string} */
                                    type: "string" | "number" | "radio" | "checkbox" | "select" | "multiselect" | "date";
                                    /** @description A variable of the team the answer is stored in */
                                    variable?: string;
                                }[];
                                icon: {
                                    [key: string]: unknown;
                                } | null;
                                isStructuredOutput: boolean;
                                name: string;
                                orgId: string;
                                requiresHumanInput: boolean;
                                storeTaskOutput: boolean;
                                taskOutputFileName: string | null;
                                taskOutputVariableName: string | null;
                                teamId: string;
                                toolIds: string[];
                                variableIds: string[];
                            };
                            tasks: {
                                _id: string;
                                agentId: string | null;
                                asyncExecution: boolean;
                                /** @description Ids of the tasks whose output this one reads */
                                context: string[];
                                dateCreated: string;
                                description: string;
                                displayOnlyFinalOutput: boolean;
                                expectedOutput: string;
                                formFields: {
                                    description?: string;
                                    label: string;
                                    name: string;
                                    options?: string[];
                                    position: string;
                                    required?: boolean;
                                    tooltip?: string;
                                    /** @enum {string} */
                                    type: "string" | "number" | "radio" | "checkbox" | "select" | "multiselect" | "date";
                                    /** @description A variable of the team the answer is stored in */
                                    variable?: string;
                                }[];
                                icon: {
                                    [key: string]: unknown;
                                } | null;
                                isStructuredOutput: boolean;
                                name: string;
                                orgId: string;
                                requiresHumanInput: boolean;
                                storeTaskOutput: boolean;
                                taskOutputFileName: string | null;
                                taskOutputVariableName: string | null;
                                teamId: string;
                                toolIds: string[];
                                variableIds: string[];
                            }[];
                            tools: ({
                                _id: string;
                                /** @description data.environmentVariables values, and string fields of data at any depth whose name looks secret (apiKey, token, headers.Authorization, …), are masked */
                                data: {
                                    builtin: boolean;
                                    name: string;
                                } & {
                                    [key: string]: unknown;
                                };
                                description: string;
                                name: string;
                                state: string | null;
                                /** @description function | rag | builtin */
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            variables: {
                                _id: string;
                                createDate: string;
                                createdBy: string | null;
                                defaultValue: string;
                                description: string | null;
                                name: string;
                                orgId: string;
                                teamId: string;
                                usedInAgents: string[];
                                usedInTasks: string[];
                            }[];
                        } & {
                            [key: string]: unknown;
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
    "/{teamId}/tasks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the team’s tasks, with the tools, agents and variables they can use */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                _id: string;
                            } & {
                                [key: string]: unknown;
                            };
                            agents: {
                                _id: string;
                                allowDelegation: boolean;
                                backstory: string;
                                dateCreated: string;
                                functionModelId: string | null;
                                goal: string;
                                icon: {
                                    [key: string]: unknown;
                                } | null;
                                maxIter: number | null;
                                maxRPM: number | null;
                                /** @description null once its model was deleted */
                                modelId: string | null;
                                name: string;
                                orgId: string;
                                role: string;
                                teamId: string;
                                /** @description Team tools and built-in tools */
                                toolIds: string[];
                                variableIds: string[];
                                verbose: boolean;
                            }[];
                            csrf: string;
                            tasks: {
                                _id: string;
                                agentId: string | null;
                                asyncExecution: boolean;
                                /** @description Ids of the tasks whose output this one reads */
                                context: string[];
                                dateCreated: string;
                                description: string;
                                displayOnlyFinalOutput: boolean;
                                expectedOutput: string;
                                formFields: {
                                    description?: string;
                                    label: string;
                                    name: string;
                                    options?: string[];
                                    position: string;
                                    required?: boolean;
                                    tooltip?: string;
                                    /** @enum {string} */
                                    type: "string" | "number" | "radio" | "checkbox" | "select" | "multiselect" | "date";
                                    /** @description A variable of the team the answer is stored in */
                                    variable?: string;
                                }[];
                                icon: {
                                    [key: string]: unknown;
                                } | null;
                                isStructuredOutput: boolean;
                                name: string;
                                orgId: string;
                                requiresHumanInput: boolean;
                                storeTaskOutput: boolean;
                                taskOutputFileName: string | null;
                                taskOutputVariableName: string | null;
                                teamId: string;
                                toolIds: string[];
                                variableIds: string[];
                            }[];
                            tools: ({
                                _id: string;
                                /** @description data.environmentVariables values, and string fields of data at any depth whose name looks secret (apiKey, token, headers.Authorization, …), are masked */
                                data: {
                                    builtin: boolean;
                                    name: string;
                                } & {
                                    [key: string]: unknown;
                                };
                                description: string;
                                name: string;
                                state: string | null;
                                /** @description function | rag | builtin */
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            variables: {
                                _id: string;
                                createDate: string;
                                createdBy: string | null;
                                defaultValue: string;
                                description: string | null;
                                name: string;
                                orgId: string;
                                teamId: string;
                                usedInAgents: string[];
                                usedInTasks: string[];
                            }[];
                        } & {
                            [key: string]: unknown;
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
    "/{teamId}/team.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The team with its members, their roles and effective permissions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                _id: string;
                            } & {
                                [key: string]: unknown;
                            };
                            csrf: string;
                            team: {
                                _id: string;
                                dateCreated: string;
                                /** @description existing accounts invited and not yet accepted (`_id` is the account id; remove-member withdraws it) */
                                invites: {
                                    _id: string;
                                    email: string;
                                    expirationDate: string;
                                    name: string;
                                    role: string;
                                }[];
                                members: {
                                    _id: string;
                                    email: string;
                                    emailVerified: boolean;
                                    memberId: string;
                                    name: string;
                                    role: string;
                                }[];
                                name: string;
                                orgId: string;
                                ownerId: string;
                                /** @description account id → base64 bitfield of that member’s effective permissions here */
                                permissions: {
                                    [key: string]: string;
                                };
                            };
                        } & {
                            [key: string]: unknown;
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
    "/{teamId}/team/{memberId}.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One member of the team, with their effective permissions in it
         * @description A member id that is not in this team answers 404 (the reference hangs).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    memberId: string;
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                _id: string;
                            } & {
                                [key: string]: unknown;
                            };
                            csrf: string;
                            teamMember: {
                                _id: string;
                                email: string;
                                emailVerified: boolean;
                                name: string;
                                /** @description base64 bitfield of the member’s effective permissions in this team */
                                permissions: string;
                                role: string;
                            };
                        } & {
                            [key: string]: unknown;
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
    "/{teamId}/team/models.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The team with its default models */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                _id: string;
                            } & {
                                [key: string]: unknown;
                            };
                            csrf: string;
                            data: {
                                _id: string;
                                embeddingModel?: {
                                    _id: string;
                                    /** @description The provider config; secret values are masked (sk-…1234) */
                                    config: {
                                        [key: string]: unknown;
                                    };
                                    dateCreated: string;
                                    embeddingLength: number;
                                    model: string;
                                    /** @description llm | embedding */
                                    modelType: string;
                                    name: string;
                                    orgId: string;
                                    teamId: string;
                                    type: string;
                                };
                                llmModel?: {
                                    _id: string;
                                    /** @description The provider config; secret values are masked (sk-…1234) */
                                    config: {
                                        [key: string]: unknown;
                                    };
                                    dateCreated: string;
                                    embeddingLength: number;
                                    model: string;
                                    /** @description llm | embedding */
                                    modelType: string;
                                    name: string;
                                    orgId: string;
                                    teamId: string;
                                    type: string;
                                };
                                name: string;
                                orgId: string;
                                ownerId: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
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
    "/{teamId}/tool/{toolId}.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a tool (a team tool or a built-in one) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                    toolId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                _id: string;
                            } & {
                                [key: string]: unknown;
                            };
                            csrf: string;
                            /** @description Always empty until datasources exist */
                            datasources: ({
                                _id: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            revisions: {
                                [key: string]: unknown;
                            }[];
                            tool: {
                                _id: string;
                                /** @description data.environmentVariables values, and string fields of data at any depth whose name looks secret (apiKey, token, headers.Authorization, …), are masked */
                                data: {
                                    builtin: boolean;
                                    name: string;
                                } & {
                                    [key: string]: unknown;
                                };
                                description: string;
                                name: string;
                                state: string | null;
                                /** @description function | rag | builtin */
                                type: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
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
    "/{teamId}/tools.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the team’s tools and the built-in tools */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                _id: string;
                            } & {
                                [key: string]: unknown;
                            };
                            csrf: string;
                            /** @description Always empty until datasources exist */
                            datasources: ({
                                _id: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            tools: ({
                                _id: string;
                                /** @description data.environmentVariables values, and string fields of data at any depth whose name looks secret (apiKey, token, headers.Authorization, …), are masked */
                                data: {
                                    builtin: boolean;
                                    name: string;
                                } & {
                                    [key: string]: unknown;
                                };
                                description: string;
                                name: string;
                                state: string | null;
                                /** @description function | rag | builtin */
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                        } & {
                            [key: string]: unknown;
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
    "/{teamId}/variable/{variableId}.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a variable (bare, as the reference returns it) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                    variableId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            _id: string;
                            createDate: string;
                            createdBy: string | null;
                            defaultValue: string;
                            description: string | null;
                            name: string;
                            orgId: string;
                            teamId: string;
                            usedInAgents: string[];
                            usedInTasks: string[];
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
    "/{teamId}/variables.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the team’s variables */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                _id: string;
                            } & {
                                [key: string]: unknown;
                            };
                            csrf: string;
                            variables: {
                                _id: string;
                                createDate: string;
                                createdBy: string | null;
                                defaultValue: string;
                                description: string | null;
                                name: string;
                                orgId: string;
                                teamId: string;
                                usedInAgents: string[];
                                usedInTasks: string[];
                            }[];
                        } & {
                            [key: string]: unknown;
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
    "/account.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller’s account, orgs and teams */
        get: {
            parameters: {
                query?: {
                    memberId?: string;
                    resourceSlug?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                _id: string;
                                currentOrg: string | null;
                                currentTeam: string | null;
                                email: string;
                                name: string;
                                orgs: ({
                                    id: string;
                                    name: string;
                                    teams: ({
                                        id: string;
                                    } & {
                                        [key: string]: unknown;
                                    })[];
                                } & {
                                    [key: string]: unknown;
                                })[];
                                permissions: string;
                            } & {
                                [key: string]: unknown;
                            };
                            csrf: string;
                            team?: {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
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
    "/apikeys.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller’s API keys (never their tokens) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csrf: string;
                            keys: {
                                _id: string;
                                createdDate: string;
                                description: string | null;
                                expirationDate: string | null;
                                lastUsedDate: string | null;
                                name: string;
                                ownerId: string;
                            }[];
                        } & {
                            [key: string]: unknown;
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
    "/forms/account/apikey/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key at once */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    keyId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        keyId?: string;
                        ownerId?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/forms/account/apikey/{keyId}/increment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate an API key: a new token, the old one stops working at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    keyId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        keyId?: string;
                        ownerId?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            keyId: string;
                            token: string;
                        };
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
    "/forms/account/apikey/add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an API key for the caller (the token is shown only in this response) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string | null;
                        expirationDays: string | number;
                        name: string;
                        ownerId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            keyId: string;
                            ownerId: string;
                            redirect: string;
                            token: string;
                        };
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
    "/forms/account/invite/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation to a team with the invite link’s token, as the invited account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            orgId: string;
                            redirect: string;
                            teamId: string;
                        };
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
    "/forms/account/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in: returns a bearer token and sets the session cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        goto?: string | null;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            redirect: string;
                            token: string;
                        };
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
    "/forms/account/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log out: revokes this login token and clears the cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            redirect?: string;
                        } & {
                            [key: string]: unknown;
                        };
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
    "/forms/account/onboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark onboarding done (accounts are usable at once; kept for client compatibility) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
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
    "/forms/account/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an account with its own org and team
         * @description The new account owns and administers its team and is usable at once (no verification or onboarding gate).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        name: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            redirect?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            redirect?: string;
                        } & {
                            [key: string]: unknown;
                        };
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
    "/forms/account/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Save the onboarding role answer (free text; no effect on permissions) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        role: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            redirect?: string;
                        } & {
                            [key: string]: unknown;
                        };
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
    "/forms/account/switch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Switch the current org and team */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        orgId: string;
                        teamId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": Record<string, never>;
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
    "/forms/account/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation: set the first password with the invite link’s token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password?: string | null;
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            redirect: string;
                        };
                    };
                };
                /** @description Default Response */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            redirect: string;
                        };
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
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Process is alive (no I/O) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
    "/invite.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What an invite link is for: setting a first password, or joining a team */
        get: {
            parameters: {
                query: {
                    token: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            email: string;
                            /** @enum {string} */
                            kind: "password";
                            name: string;
                        } | {
                            email: string;
                            /** @enum {string} */
                            kind: "join";
                            name: string;
                            /** @enum {string} */
                            role: "TEAM_MEMBER" | "TEAM_ADMIN";
                            teamName: string;
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
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Database reachable and migrated */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
