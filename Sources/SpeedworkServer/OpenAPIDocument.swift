/// The OpenAPI 3.1 description of every route the app has (issue 11), hand-written and served at
/// `/api/v1/openapi.json`; a test checks it parses and lists exactly the router's routes.
enum OpenAPIDocument {
    /// The document, as served.
    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Speedwork",
        "version": "1.0.0",
        "description": "The self-hosted Speedwork web app: pages for people, a JSON API under /api/v1 for programs. Every error is {\"error\": \"one line\"}."
      },
      "components": {
        "securitySchemes": {
          "bearer": {"type": "http", "scheme": "bearer", "description": "A token from POST /api/v1/tokens."},
          "session": {"type": "apiKey", "in": "cookie", "name": "speedwork_session"}
        },
        "schemas": {
          "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {"error": {"type": "string", "description": "One line: the value and what is allowed."}}
          },
          "TokenRequest": {
            "type": "object",
            "required": ["login", "password"],
            "properties": {
              "login": {"type": "string", "minLength": 1, "description": "E-mail address or handle."},
              "password": {"type": "string", "minLength": 1},
              "name": {
                "type": "string",
                "minLength": 1,
                "maxLength": 80,
                "description": "What the token is for; 'API token' when left out."
              }
            }
          },
          "NewToken": {
            "type": "object",
            "required": ["id", "token", "name", "createdAt"],
            "properties": {
              "id": {"type": "string", "format": "uuid"},
              "token": {"type": "string", "description": "The secret; shown in this answer only."},
              "name": {"type": "string"},
              "createdAt": {"type": "string", "format": "date-time"}
            }
          },
          "Activity": {
            "type": "object",
            "required": ["id", "sport", "sampleCount"],
            "properties": {
              "id": {"type": "string", "description": "The activity's content hash (SHA-256 of its samples)."},
              "start": {"type": "string", "format": "date-time"},
              "sport": {"type": "string"},
              "name": {"type": "string"},
              "device": {"type": "string"},
              "distanceMeters": {"type": "number"},
              "durationSeconds": {"type": "number"},
              "sampleCount": {"type": "integer"},
              "source": {"type": "string"}
            }
          },
          "AccountForm": {
            "type": "object",
            "required": ["csrf", "login", "password"],
            "properties": {
              "csrf": {"type": "string", "description": "The token from the form's page."},
              "login": {"type": "string"},
              "password": {"type": "string"},
              "name": {"type": "string"}
            }
          },
          "CSRFForm": {"type": "object", "required": ["csrf"], "properties": {"csrf": {"type": "string"}}},
          "CalendarFeed": {
            "type": "object",
            "required": ["id", "createdAt"],
            "properties": {
              "id": {"type": "string", "format": "uuid"},
              "createdAt": {"type": "string", "format": "date-time"},
              "url": {
                "type": "string",
                "description": "The feed's secret address, in the answer that made it only (the server keeps a hash)."
              }
            }
          },
          "Upload": {
            "type": "object",
            "required": [
              "id",
              "status",
              "statusLine",
              "createdAt",
              "uploadedFiles",
              "filesDone",
              "filesTotal",
              "added",
              "alreadyThere",
              "skipped",
              "activities"
            ],
            "properties": {
              "id": {"type": "string", "format": "uuid"},
              "status": {"enum": ["receiving", "queued", "importing", "done", "failed"]},
              "statusLine": {"type": "string", "description": "One line that ends in 'done' or 'failed: reason' once finished."},
              "reason": {"type": "string", "description": "Why the import failed."},
              "createdAt": {"type": "string", "format": "date-time"},
              "uploadedFiles": {"type": "array", "items": {"type": "string"}},
              "filesDone": {"type": "integer", "minimum": 0},
              "filesTotal": {"type": "integer", "minimum": 0, "description": "Files in all, every member of a .zip export counted."},
              "added": {"type": "integer", "minimum": 0},
              "alreadyThere": {"type": "integer", "minimum": 0},
              "skipped": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": ["file", "reason"],
                  "properties": {"file": {"type": "string"}, "reason": {"type": "string"}}
                }
              },
              "activities": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Content hashes of the activities the files hold (GET /api/v1/activities/{id})."
              }
            }
          },
          "ActivityAnalysis": {
            "type": "object",
            "description": "The stored analysis: the `speedwork analyze --json` report (README, JSON contract); later versions add keys.",
            "required": ["sport", "distanceMeters", "durationSeconds", "reps", "bestEfforts", "warnings"],
            "properties": {
              "file": {"type": "string"},
              "sport": {"type": "string"},
              "start": {"type": "string", "format": "date-time"},
              "distanceMeters": {"type": "number"},
              "durationSeconds": {"type": "number"},
              "reps": {"type": "array", "items": {"type": "object"}},
              "bestEfforts": {"type": "array", "items": {"type": "object"}},
              "compliance": {"type": "object"},
              "warnings": {"type": "array", "items": {"type": "string"}}
            }
          },
          "UploadForm": {
            "type": "object",
            "required": ["csrf", "file"],
            "properties": {
              "csrf": {"type": "string", "description": "The token from the upload page; it must come before the files."},
              "file": {"type": "array", "items": {"type": "string", "format": "binary"}}
            }
          },
          "PlanDay": {
            "type": "object",
            "description": "The today --json and week --json contract (README, JSON): the active plan's sessions of the days with their targets, what was done, the coach's notes.",
            "required": ["date", "plan", "week", "fitness", "days", "notes", "adjustments", "verdict", "pauses"],
            "properties": {
              "date": {"type": "string", "format": "date"},
              "plan": {
                "type": ["object", "null"],
                "required": ["id", "name", "goal", "raceDate", "start", "savedAt"],
                "properties": {
                  "id": {"type": "string"}, "name": {"type": "string"}, "goal": {"type": "string"},
                  "raceDate": {"type": "string"}, "start": {"type": "string"}, "savedAt": {"type": "string"}
                }
              },
              "week": {
                "type": ["object", "null"],
                "required": ["index", "of", "start", "phase", "cutback"],
                "properties": {
                  "index": {"type": "integer"}, "of": {"type": "integer"}, "start": {"type": "string"},
                  "phase": {"type": "string"}, "cutback": {"type": "boolean"}
                }
              },
              "fitness": {
                "type": ["object", "null"],
                "required": ["source", "vdot", "asOf", "newer", "lowered"],
                "properties": {
                  "source": {"type": "string", "enum": ["plan", "log"]},
                  "vdot": {"type": "number"},
                  "asOf": {"type": "string"},
                  "newer": {"type": "array", "items": {"type": "string"}},
                  "lowered": {"type": ["object", "null"]}
                }
              },
              "days": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": ["date", "planned", "activities", "sessions"],
                  "properties": {
                    "date": {"type": "string", "format": "date"},
                    "planned": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": ["rule", "kind", "title", "steps", "date", "status", "linked"],
                        "properties": {
                          "rule": {"type": "string"}, "kind": {"type": "string"}, "title": {"type": "string"},
                          "steps": {"type": "array", "items": {"type": "object"}}, "date": {"type": "string"},
                          "ref": {"type": ["string", "null"]},
                          "status": {"type": "string", "enum": ["done", "partly-done", "missed", "planned", "rest"]},
                          "doneBy": {"type": ["string", "null"]}, "linked": {"type": "boolean"},
                          "grade": {"type": ["object", "null"]}, "movedFrom": {"type": ["string", "null"]}
                        }
                      }
                    },
                    "activities": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": ["id", "sport", "extra"],
                        "properties": {
                          "id": {"type": "string"}, "name": {"type": "string"}, "sport": {"type": "string"},
                          "meters": {"type": "number"}, "seconds": {"type": "number"}, "easyRunTooHard": {"type": "boolean"},
                          "fulfils": {"type": "string"}, "extra": {"type": "boolean"}
                        }
                      }
                    },
                    "sessions": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": ["id", "reps", "strengthSets", "extra"],
                        "properties": {
                          "id": {"type": "string"}, "session": {"type": "string"}, "rpe": {"type": "integer"},
                          "reps": {"type": "integer"}, "strengthSets": {"type": "integer"},
                          "fulfils": {"type": "string"}, "extra": {"type": "boolean"}
                        }
                      }
                    }
                  }
                }
              },
              "notes": {"type": "array", "items": {"type": "string"}},
              "adjustments": {"type": "array", "items": {"type": "object"}},
              "verdict": {"type": ["object", "null"]},
              "pauses": {"type": "array", "items": {"type": "object"}}
            }
          },
          "HandLogRequest": {
            "type": "object",
            "description": "A session run without a watch, or a result (M50); the fields of speedwork log add. Give result, or session with reps, sets or rpe.",
            "properties": {
              "date": {"type": "string", "format": "date", "description": "The day; today when left out."},
              "session": {"type": "string", "description": "The method's session by rule id, e.g. M11."},
              "reps": {"type": "string", "description": "Rep times, comma-separated: 38.2,37.9 or 1:12,1:11."},
              "repDistance": {"type": "string", "description": "The distance of every rep, e.g. 200m."},
              "rpe": {"type": "integer", "minimum": 0, "maximum": 10},
              "notes": {"type": "string"},
              "sets": {"type": "array", "items": {"type": "string"}, "description": "Strength sets as EXERCISE:REPS[:LOAD_KG][:good|poor]."},
              "result": {"type": "string", "description": "A race, time trial or effort as DISTANCE=TIME, e.g. 5k=20:00."},
              "kind": {"type": "string", "enum": ["race", "time-trial", "effort"]},
              "from": {"type": "array", "items": {"type": "string"}, "description": "Results (DISTANCE=TIME) to grade the reps against instead of the log's fitness."}
            }
          },
          "HandLogEntry": {
            "type": "object",
            "description": "The entry as stored (as log --json lists it) and its reps graded against their targets (M51).",
            "required": ["result", "session", "grades", "note"],
            "properties": {
              "result": {"type": ["object", "null"]},
              "session": {"type": ["object", "null"]},
              "grades": {
                "type": ["object", "null"],
                "required": ["rule", "title", "summary", "fitnessFrom", "vdot", "reps"],
                "properties": {
                  "rule": {"type": "string"}, "title": {"type": "string"}, "summary": {"type": "string"},
                  "fitnessFrom": {"type": "string", "enum": ["log", "from"]}, "vdot": {"type": ["number", "null"]},
                  "reps": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": ["index", "verdict", "target", "actual"],
                      "properties": {
                        "index": {"type": "integer"}, "verdict": {"type": "string"}, "target": {"type": "string"},
                        "actual": {"type": "string"}, "offBySeconds": {"type": ["number", "null"]}, "offByPercent": {"type": ["number", "null"]}
                      }
                    }
                  }
                }
              },
              "note": {"type": ["string", "null"]}
            }
          },
          "HandLogForm": {
            "type": "object",
            "required": ["csrf"],
            "properties": {
              "csrf": {"type": "string"}, "date": {"type": "string"}, "session": {"type": "string"}, "reps": {"type": "string"},
              "repDistance": {"type": "string"}, "rpe": {"type": "string"}, "notes": {"type": "string"},
              "sets": {"type": "string", "description": "One strength set a line."}, "result": {"type": "string"}, "kind": {"type": "string"}
            }
          }
        },
        "responses": {
          "Error": {
            "description": "Refused",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
          },
          "Page": {"description": "An HTML page", "content": {"text/html": {"schema": {"type": "string"}}}},
          "SeeOther": {
            "description": "Done, or sign in first: go to Location",
            "headers": {"Location": {"schema": {"type": "string"}}}
          }
        }
      },
      "paths": {
        "/health": {
          "get": {
            "summary": "Whether the app and its database answer",
            "responses": {
              "200": {
                "description": "Up",
                "content": {
                  "application/json": {"schema": {"type": "object", "required": ["status"], "properties": {"status": {"const": "ok"}}}}
                }
              },
              "503": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/speedwork.css": {
          "get": {
            "summary": "The pages' stylesheet",
            "responses": {"200": {"description": "CSS", "content": {"text/css": {"schema": {"type": "string"}}}}}
          }
        },
        "/api/v1/openapi.json": {
          "get": {
            "summary": "This document",
            "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {"schema": {"type": "object"}}}}}
          }
        },
        "/api/v1/tokens": {
          "post": {
            "summary": "Make an API token from a login and password (rate-limited like signing in)",
            "requestBody": {
              "required": true,
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TokenRequest"}}}
            },
            "responses": {
              "201": {
                "description": "Made",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewToken"}}}
              },
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "413": {"$ref": "#/components/responses/Error"},
              "422": {"$ref": "#/components/responses/Error"},
              "429": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/tokens/{id}": {
          "delete": {
            "summary": "Revoke one of your tokens",
            "security": [{"bearer": []}],
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "responses": {
              "204": {"description": "Revoked"},
              "401": {"$ref": "#/components/responses/Error"},
              "404": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/activities": {
          "get": {
            "summary": "Your activities, oldest first",
            "security": [{"bearer": []}],
            "responses": {
              "200": {
                "description": "The activities",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "required": ["activities"],
                      "properties": {"activities": {"type": "array", "items": {"$ref": "#/components/schemas/Activity"}}}
                    }
                  }
                }
              },
              "401": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/calendar": {
          "get": {
            "summary": "Your calendar feed; made (with its url) when you have none",
            "security": [{"bearer": []}],
            "responses": {
              "200": {
                "description": "The feed",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CalendarFeed"}}}
              },
              "401": {"$ref": "#/components/responses/Error"}
            }
          },
          "post": {
            "summary": "Make a new calendar feed address; the old one stops working",
            "security": [{"bearer": []}],
            "responses": {
              "201": {
                "description": "Made",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CalendarFeed"}}}
              },
              "401": {"$ref": "#/components/responses/Error"}
            }
          },
          "delete": {
            "summary": "Revoke your calendar feed: its address answers 404 from now on",
            "security": [{"bearer": []}],
            "responses": {
              "204": {"description": "Revoked"},
              "401": {"$ref": "#/components/responses/Error"},
              "404": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/calendar/{file}": {
          "get": {
            "summary": "A calendar feed: SECRET.ics serves the runner's active plan as iCalendar (RFC 5545), no session needed",
            "parameters": [
              {
                "name": "file",
                "in": "path",
                "required": true,
                "description": "The feed's secret followed by .ics",
                "schema": {"type": "string"}
              }
            ],
            "responses": {
              "200": {"description": "The plan from today on", "content": {"text/calendar": {"schema": {"type": "string"}}}},
              "404": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/calendar": {
          "get": {
            "summary": "Your calendar feed's page (signed in): its address when made, and a button to make a new one",
            "security": [{"session": []}, {}],
            "responses": {"200": {"$ref": "#/components/responses/Page"}, "303": {"$ref": "#/components/responses/SeeOther"}}
          }
        },
        "/calendar/revoke": {
          "post": {
            "summary": "Make a new calendar feed address (signed in); the old one stops working",
            "security": [{"session": []}, {}],
            "requestBody": {
              "required": true,
              "content": {"application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/CSRFForm"}}}
            },
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "303": {"$ref": "#/components/responses/SeeOther"},
              "403": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/": {
          "get": {
            "summary": "Your log (signed in), else a redirect to sign in",
            "security": [{"session": []}, {}],
            "responses": {"200": {"$ref": "#/components/responses/Page"}, "303": {"$ref": "#/components/responses/SeeOther"}}
          }
        },
        "/register": {
          "get": {
            "summary": "The registration form",
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "303": {"$ref": "#/components/responses/SeeOther"},
              "403": {"$ref": "#/components/responses/Error"}
            }
          },
          "post": {
            "summary": "Register and sign in",
            "requestBody": {
              "required": true,
              "content": {"application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/AccountForm"}}}
            },
            "responses": {
              "303": {"$ref": "#/components/responses/SeeOther"},
              "403": {"$ref": "#/components/responses/Error"},
              "409": {"$ref": "#/components/responses/Error"},
              "413": {"$ref": "#/components/responses/Error"},
              "422": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/login": {
          "get": {
            "summary": "The sign-in form",
            "responses": {"200": {"$ref": "#/components/responses/Page"}, "303": {"$ref": "#/components/responses/SeeOther"}}
          },
          "post": {
            "summary": "Sign in (rate-limited per login and per address)",
            "requestBody": {
              "required": true,
              "content": {"application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/AccountForm"}}}
            },
            "responses": {
              "303": {"$ref": "#/components/responses/SeeOther"},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "413": {"$ref": "#/components/responses/Error"},
              "422": {"$ref": "#/components/responses/Error"},
              "429": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/logout": {
          "post": {
            "summary": "Sign out",
            "requestBody": {
              "required": true,
              "content": {"application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/CSRFForm"}}}
            },
            "responses": {"303": {"$ref": "#/components/responses/SeeOther"}, "403": {"$ref": "#/components/responses/Error"}}
          }
        },
        "/api/v1/activities/{id}": {
          "get": {
            "summary": "One of your activities: its stored analysis (the analyze --json contract)",
            "security": [{"bearer": []}],
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The activity's content hash."
              }
            ],
            "responses": {
              "200": {
                "description": "The analysis",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ActivityAnalysis"}}}
              },
              "401": {"$ref": "#/components/responses/Error"},
              "404": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/uploads": {
          "post": {
            "summary": "Upload one file (FIT, GPX, TCX, optionally .gz, or a .zip export) as the raw body; it is imported in the background",
            "security": [{"bearer": []}],
            "parameters": [
              {
                "name": "name",
                "in": "query",
                "required": true,
                "schema": {"type": "string"},
                "description": "The file's name, e.g. run.fit or export.zip; its extension says what it is."
              }
            ],
            "requestBody": {
              "required": true,
              "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}
            },
            "responses": {
              "202": {
                "description": "Received; the import is queued (follow Location)",
                "headers": {"Location": {"schema": {"type": "string"}}},
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Upload"}}}
              },
              "401": {"$ref": "#/components/responses/Error"},
              "413": {"$ref": "#/components/responses/Error"},
              "422": {"$ref": "#/components/responses/Error"},
              "503": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/uploads/{id}": {
          "get": {
            "summary": "One of your uploads and its import's progress",
            "security": [{"bearer": []}],
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "responses": {
              "200": {
                "description": "The upload",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Upload"}}}
              },
              "401": {"$ref": "#/components/responses/Error"},
              "404": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/upload": {
          "get": {
            "summary": "The upload form (signed in)",
            "security": [{"session": []}, {}],
            "responses": {"200": {"$ref": "#/components/responses/Page"}, "303": {"$ref": "#/components/responses/SeeOther"}}
          },
          "post": {
            "summary": "Upload files from the form; the import runs in the background; signed out, refused with 403 before the body is read",
            "security": [{"session": []}],
            "requestBody": {
              "required": true,
              "content": {"multipart/form-data": {"schema": {"$ref": "#/components/schemas/UploadForm"}}}
            },
            "responses": {
              "303": {"$ref": "#/components/responses/SeeOther"},
              "400": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "413": {"$ref": "#/components/responses/Error"},
              "415": {"$ref": "#/components/responses/Error"},
              "422": {"$ref": "#/components/responses/Error"},
              "503": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/upload.js": {
          "get": {
            "summary": "The upload form's drag-and-drop script",
            "responses": {"200": {"description": "JavaScript", "content": {"text/javascript": {"schema": {"type": "string"}}}}}
          }
        },
        "/uploads/{id}": {
          "get": {
            "summary": "An upload's progress page; reloads itself until the import is done",
            "security": [{"session": []}, {}],
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "303": {"$ref": "#/components/responses/SeeOther"},
              "404": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/today": {
          "get": {
            "summary": "The day's session from your active plan with its targets, what was done, the coach's notes (the today --json contract)",
            "security": [{"bearer": []}],
            "parameters": [{"name": "date", "in": "query", "required": false, "schema": {"type": "string", "format": "date"}, "description": "The day, YYYY-MM-DD; today (UTC) when left out."}],
            "responses": {
              "200": {"description": "The report", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanDay"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/week": {
          "get": {
            "summary": "The plan's week holding the day (the week --json contract)",
            "security": [{"bearer": []}],
            "parameters": [{"name": "date", "in": "query", "required": false, "schema": {"type": "string", "format": "date"}, "description": "The day, YYYY-MM-DD; today (UTC) when left out."}],
            "responses": {
              "200": {"description": "The report", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanDay"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/today": {
          "get": {
            "summary": "Today (signed in): the day's session with every target, what was done, the coach's notes and the week",
            "security": [{"session": []}, {}],
            "parameters": [{"name": "date", "in": "query", "required": false, "schema": {"type": "string"}, "description": "The day, YYYY-MM-DD; a date not written so is answered with 400 and the page's error line."}],
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "303": {"$ref": "#/components/responses/SeeOther"},
              "400": {"$ref": "#/components/responses/Page"}
            }
          }
        },
        "/week": {
          "get": {
            "summary": "The same page as /today",
            "security": [{"session": []}, {}],
            "parameters": [{"name": "date", "in": "query", "required": false, "schema": {"type": "string"}, "description": "The day, YYYY-MM-DD; a date not written so is answered with 400 and the page's error line."}],
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "303": {"$ref": "#/components/responses/SeeOther"},
              "400": {"$ref": "#/components/responses/Page"}
            }
          }
        },
        "/api/v1/log": {
          "post": {
            "summary": "Log a session run without a watch, or a result (M50); the reps are graded against their targets (M51)",
            "security": [{"bearer": []}],
            "requestBody": {
              "required": true,
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/HandLogRequest"}}}
            },
            "responses": {
              "201": {"description": "Stored", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/HandLogEntry"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "413": {"$ref": "#/components/responses/Error"},
              "422": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/log/add": {
          "get": {
            "summary": "The hand-log form (signed in)",
            "security": [{"session": []}, {}],
            "parameters": [{"name": "date", "in": "query", "required": false, "schema": {"type": "string"}}],
            "responses": {"200": {"$ref": "#/components/responses/Page"}, "303": {"$ref": "#/components/responses/SeeOther"}}
          },
          "post": {
            "summary": "Log a session or a result from the form; on success a redirect to the page showing its grades, else the form again with the error (422)",
            "security": [{"session": []}, {}],
            "requestBody": {
              "required": true,
              "content": {"application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/HandLogForm"}}}
            },
            "responses": {
              "303": {"$ref": "#/components/responses/SeeOther"},
              "403": {"$ref": "#/components/responses/Error"},
              "413": {"$ref": "#/components/responses/Error"},
              "422": {"$ref": "#/components/responses/Page"}
            }
          }
        },
        "/activities/{id}": {
          "get": {
            "summary": "One activity: summary, pace chart, graded reps, best efforts, warnings",
            "security": [{"session": []}, {}],
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "303": {"$ref": "#/components/responses/SeeOther"},
              "404": {"$ref": "#/components/responses/Error"}
            }
          }
        }
      }
    }
    """#
}
