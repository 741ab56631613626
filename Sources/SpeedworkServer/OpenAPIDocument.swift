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
          "PlanRequest": {
            "type": "object",
            "description": "speedwork plan's options, named as the active plan's stored request (SavedPlanRequest); checked as the command line checks them.",
            "required": ["goal", "raceDate", "days"],
            "properties": {
              "results": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Recent results, DISTANCE=TIME[@YYYY-MM-DD]; left out or empty: the log's current fitness."
              },
              "speedReserve": {"type": "number", "description": "Speed reserve ratio assumed for 400m–800m results."},
              "asOf": {"type": "string", "description": "The day to estimate fitness for, YYYY-MM-DD (default: today)."},
              "goal": {"type": "string", "description": "The goal race, DISTANCE=TIME (800m to 10k)."},
              "raceDate": {"type": "string", "description": "YYYY-MM-DD."},
              "start": {"type": "string", "description": "The plan's first day, YYYY-MM-DD (default: today)."},
              "days": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Training days, at least 3: mon, tue … sun."
              },
              "maxSession": {"type": "integer", "description": "Longest session in minutes, 30 to 600."},
              "weekly": {"type": "string", "description": "Weekly running now: 4h, 240m, 3h30 or 40km."},
              "strength": {"type": "string", "description": "beginner (default), intermediate or advanced (M32)."},
              "baseWeeks": {"type": "integer", "description": "Weeks of base already run, 0 to 520 (M8)."}
            }
          },
          "ActivePlan": {
            "type": "object",
            "description": "The active plan: its stored request, the plan as it now stands in the `speedwork plan --json` shape (README, JSON contract), and how it stands.",
            "required": ["id", "name", "savedAt", "request", "plan", "status"],
            "properties": {
              "id": {"type": "string", "format": "uuid"},
              "name": {"type": "string"},
              "savedAt": {"type": "string", "format": "date-time"},
              "request": {"type": "object"},
              "plan": {
                "type": "object",
                "required": ["goal", "targetGoal", "raceDate", "volume", "fitness", "feasibility", "relaxed", "weeks"],
                "properties": {
                  "goal": {"type": "string"},
                  "targetGoal": {"type": "string"},
                  "raceDate": {"type": "string"},
                  "feasibility": {
                    "type": "object",
                    "required": ["verdict", "message"],
                    "properties": {"verdict": {"enum": ["realistic", "ambitious", "unrealistic"]}, "message": {"type": "string"}}
                  },
                  "relaxed": {"type": "array", "items": {"type": "object"}},
                  "weeks": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": ["index", "start", "phase", "sessions"],
                      "properties": {
                        "index": {"type": "integer"},
                        "start": {"type": "string"},
                        "phase": {"enum": ["base", "speed", "race-specific", "taper"]},
                        "sessions": {"type": "array", "items": {"type": "object", "required": ["date"]}}
                      }
                    }
                  }
                }
              },
              "status": {
                "type": "object",
                "required": ["date", "fitnessSource", "vdot", "verdict", "sessions", "adjustments"],
                "properties": {
                  "date": {"type": "string"},
                  "fitnessSource": {"enum": ["plan", "log"]},
                  "vdot": {"type": "number"},
                  "verdict": {
                    "type": "object",
                    "required": ["verdict", "message", "weeks"],
                    "properties": {
                      "verdict": {"enum": ["realistic", "ambitious", "unrealistic"]},
                      "message": {"type": "string"},
                      "weeks": {"type": "number"}
                    }
                  },
                  "sessions": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": ["ref", "date", "title", "kind", "status"],
                      "properties": {
                        "ref": {"type": "string"},
                        "date": {"type": "string"},
                        "title": {"type": "string"},
                        "kind": {"type": "string"},
                        "status": {"enum": ["planned", "done", "missed"]},
                        "doneBy": {"type": "string"},
                        "movedFrom": {"type": "string"}
                      }
                    }
                  },
                  "adjustments": {"type": "array", "items": {"type": "object", "required": ["session", "change", "reason"]}}
                }
              }
            }
          },
          "PlanForm": {
            "type": "object",
            "required": ["csrf"],
            "properties": {
              "csrf": {"type": "string"},
              "from": {"type": "string"},
              "goal": {"type": "string"},
              "race-date": {"type": "string"},
              "start": {"type": "string"},
              "days": {"type": "string"},
              "max-session": {"type": "string"},
              "weekly": {"type": "string"},
              "strength": {"type": "string"},
              "base-weeks": {"type": "string"}
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
              "warnings": {"type": "array", "items": {"type": "string"}},
              "plannedSession": {
                "oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/PlannedSession"}],
                "description": "The session of your active plan this activity fulfils, with its reps graded against that session's targets (M51); null when it fulfils none."
              }
            }
          },
          "PlannedSession": {
            "type": "object",
            "description": "A planned session an activity fulfils, its targets at the fitness of its day, and the activity graded against it.",
            "required": ["ref", "date", "title", "workout", "rule", "kind", "plan", "vdot", "fitnessSource"],
            "properties": {
              "ref": {
                "type": "string",
                "description": "The session's place in the plan as built (YYYY-MM-DD or YYYY-MM-DD/N)."
              },
              "date": {"type": "string", "format": "date"},
              "movedFrom": {"type": "string", "format": "date"},
              "title": {"type": "string"},
              "workout": {"type": "string"},
              "rule": {"type": "string"},
              "kind": {"type": "string"},
              "plan": {"type": "string"},
              "vdot": {"type": "number"},
              "fitnessSource": {"enum": ["plan", "log"]},
              "reps": {
                "type": "array",
                "items": {"type": "object"},
                "description": "The reps found against the planned session (analyze --json reps)."
              },
              "compliance": {
                "type": "object",
                "description": "The reps graded against the session's targets (analyze --json compliance)."
              }
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
          "Number": {"type": ["number", "null"], "description": "null where the value is not finite (JSON has no infinity)."},
          "Progress": {
            "type": "object",
            "description": "Progress over time (M52): the `speedwork progress --json` report (README, JSON contract); later versions add keys.",
            "required": ["seasonLength", "fitness", "bestEfforts", "sessions", "stride", "balance"],
            "properties": {
              "seasonLength": {"enum": ["year", "half"]},
              "since": {"type": "string", "format": "date"},
              "fitness": {
                "type": "array",
                "description": "The estimate as of each race, time trial, effort and activity that counts as evidence, oldest first.",
                "items": {
                  "type": "object",
                  "required": [
                    "date",
                    "source",
                    "distance",
                    "meters",
                    "seconds",
                    "evidenceVdot",
                    "vdot",
                    "mileSeconds",
                    "fiveKSeconds"
                  ],
                  "properties": {
                    "date": {"type": "string", "format": "date"},
                    "source": {"type": "string", "description": "race, time-trial, effort or activity"},
                    "reference": {"type": "string", "description": "The result's id or the activity's content hash."},
                    "distance": {"type": "string"},
                    "meters": {"$ref": "#/components/schemas/Number"},
                    "seconds": {"$ref": "#/components/schemas/Number"},
                    "evidenceVdot": {"$ref": "#/components/schemas/Number"},
                    "vdot": {"$ref": "#/components/schemas/Number"},
                    "mileSeconds": {"$ref": "#/components/schemas/Number"},
                    "fiveKSeconds": {"$ref": "#/components/schemas/Number"}
                  }
                }
              },
              "bestEfforts": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": ["distance", "meters", "seasons"],
                  "properties": {
                    "distance": {"type": "string"},
                    "meters": {"$ref": "#/components/schemas/Number"},
                    "seasons": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": ["season", "seconds", "date", "reference", "source"],
                        "properties": {
                          "season": {"type": "string"},
                          "seconds": {"$ref": "#/components/schemas/Number"},
                          "date": {"type": "string", "format": "date"},
                          "reference": {"type": "string"},
                          "source": {"enum": ["activity", "result"]}
                        }
                      }
                    }
                  }
                }
              },
              "sessions": {
                "type": "array",
                "description": "Each session shape run at least twice, every time it was run (M7).",
                "items": {
                  "type": "object",
                  "required": ["shape", "repMeters", "occurrences"],
                  "properties": {
                    "shape": {"type": "string"},
                    "repMeters": {"type": "array", "items": {"$ref": "#/components/schemas/Number"}},
                    "occurrences": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": [
                          "date",
                          "reference",
                          "source",
                          "averageSeconds",
                          "fastestSeconds",
                          "slowestSeconds",
                          "repSeconds"
                        ],
                        "properties": {
                          "date": {"type": "string", "format": "date"},
                          "reference": {"type": "string"},
                          "source": {"type": "string", "description": "recorded or hand-logged"},
                          "averageSeconds": {"$ref": "#/components/schemas/Number"},
                          "fastestSeconds": {"$ref": "#/components/schemas/Number"},
                          "slowestSeconds": {"$ref": "#/components/schemas/Number"},
                          "fadePercent": {"$ref": "#/components/schemas/Number"},
                          "averageRecoverySeconds": {"$ref": "#/components/schemas/Number"},
                          "repSeconds": {"type": "array", "items": {"$ref": "#/components/schemas/Number"}}
                        }
                      }
                    }
                  }
                }
              },
              "stride": {
                "type": "array",
                "description": "Cadence and step length per season within pace bands (M6).",
                "items": {
                  "type": "object",
                  "required": ["fastSecondsPerKm", "slowSecondsPerKm", "seasons"],
                  "properties": {
                    "fastSecondsPerKm": {"$ref": "#/components/schemas/Number"},
                    "slowSecondsPerKm": {"$ref": "#/components/schemas/Number"},
                    "seasons": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": ["season", "reps", "secondsPerKm", "cadence"],
                        "properties": {
                          "season": {"type": "string"},
                          "reps": {"type": "integer"},
                          "secondsPerKm": {"$ref": "#/components/schemas/Number"},
                          "cadence": {"$ref": "#/components/schemas/Number"},
                          "stepLength": {"$ref": "#/components/schemas/Number"}
                        }
                      }
                    }
                  }
                }
              },
              "balance": {
                "type": "object",
                "description": "Easy runs and hard sessions per Monday-to-Sunday week, and the easy runs run too hard (M2).",
                "required": ["total", "weeks"],
                "properties": {
                  "total": {
                    "type": "object",
                    "required": ["easyRuns", "hardSessions", "checkedEasyRuns", "tooHard"],
                    "properties": {
                      "easyRuns": {"type": "integer"},
                      "hardSessions": {"type": "integer"},
                      "checkedEasyRuns": {"type": "integer"},
                      "tooHard": {"type": "integer"},
                      "tooHardShare": {"$ref": "#/components/schemas/Number"}
                    }
                  },
                  "weeks": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": ["monday", "easyRuns", "hardSessions", "checkedEasyRuns", "tooHard", "tooHardDates"],
                      "properties": {
                        "monday": {"type": "string", "format": "date"},
                        "easyRuns": {"type": "integer"},
                        "hardSessions": {"type": "integer"},
                        "checkedEasyRuns": {"type": "integer"},
                        "tooHard": {"type": "integer"},
                        "tooHardShare": {"$ref": "#/components/schemas/Number"},
                        "tooHardDates": {"type": "array", "items": {"type": "string", "format": "date"}}
                      }
                    }
                  }
                }
              }
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
                  "id": {"type": "string"},
                  "name": {"type": "string"},
                  "goal": {"type": "string"},
                  "raceDate": {"type": "string"},
                  "start": {"type": "string"},
                  "savedAt": {"type": "string"}
                }
              },
              "week": {
                "type": ["object", "null"],
                "required": ["index", "of", "start", "phase", "cutback"],
                "properties": {
                  "index": {"type": "integer"},
                  "of": {"type": "integer"},
                  "start": {"type": "string"},
                  "phase": {"type": "string"},
                  "cutback": {"type": "boolean"}
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
                          "rule": {"type": "string"},
                          "kind": {"type": "string"},
                          "title": {"type": "string"},
                          "steps": {"type": "array", "items": {"type": "object"}},
                          "date": {"type": "string"},
                          "ref": {"type": ["string", "null"]},
                          "status": {"type": "string", "enum": ["done", "partly-done", "missed", "planned", "rest"]},
                          "doneBy": {"type": ["string", "null"]},
                          "linked": {"type": "boolean"},
                          "grade": {"type": ["object", "null"]},
                          "movedFrom": {"type": ["string", "null"]}
                        }
                      }
                    },
                    "activities": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": ["id", "sport", "extra"],
                        "properties": {
                          "id": {"type": "string"},
                          "name": {"type": "string"},
                          "sport": {"type": "string"},
                          "meters": {"type": "number"},
                          "seconds": {"type": "number"},
                          "easyRunTooHard": {"type": "boolean"},
                          "fulfils": {"type": "string"},
                          "extra": {"type": "boolean"}
                        }
                      }
                    },
                    "sessions": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": ["id", "reps", "strengthSets", "extra"],
                        "properties": {
                          "id": {"type": "string"},
                          "session": {"type": "string"},
                          "rpe": {"type": "integer"},
                          "reps": {"type": "integer"},
                          "strengthSets": {"type": "integer"},
                          "fulfils": {"type": "string"},
                          "extra": {"type": "boolean"}
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
            "description": "A session run without a watch, or a result (M50); the fields of speedwork log add. Give result, or session with reps, sets or rpe. A field given as null is as if left out.",
            "properties": {
              "date": {"type": ["string", "null"], "format": "date", "description": "The day; today when left out."},
              "session": {"type": ["string", "null"], "description": "The method's session by rule id, e.g. M11."},
              "reps": {"type": ["string", "null"], "description": "Rep times, comma-separated: 38.2,37.9 or 1:12,1:11."},
              "repDistance": {"type": ["string", "null"], "description": "The distance of every rep, e.g. 200m."},
              "rpe": {"type": ["integer", "null"], "minimum": 0, "maximum": 10},
              "notes": {"type": ["string", "null"]},
              "sets": {
                "type": ["array", "null"],
                "items": {"type": "string"},
                "description": "Strength sets as EXERCISE:REPS[:LOAD_KG][:good|poor]."
              },
              "result": {
                "type": ["string", "null"],
                "description": "A race, time trial or effort as DISTANCE=TIME, e.g. 5k=20:00."
              },
              "kind": {"type": ["string", "null"], "enum": ["race", "time-trial", "effort", null]},
              "from": {
                "type": ["array", "null"],
                "items": {"type": "string"},
                "description": "Results (DISTANCE=TIME) to grade the reps against instead of the log's fitness."
              }
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
                  "rule": {"type": "string"},
                  "title": {"type": "string"},
                  "summary": {"type": "string"},
                  "fitnessFrom": {"type": "string", "enum": ["log", "from"]},
                  "vdot": {"type": ["number", "null"]},
                  "reps": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": ["index", "verdict", "target", "actual"],
                      "properties": {
                        "index": {"type": "integer"},
                        "verdict": {"type": "string"},
                        "target": {"type": "string"},
                        "actual": {"type": "string"},
                        "offBySeconds": {"type": ["number", "null"]},
                        "offByPercent": {"type": ["number", "null"]}
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
              "csrf": {"type": "string"},
              "date": {"type": "string"},
              "session": {"type": "string"},
              "reps": {"type": "string"},
              "repDistance": {"type": "string"},
              "rpe": {"type": "string"},
              "notes": {"type": "string"},
              "sets": {"type": "string", "description": "One strength set a line."},
              "result": {"type": "string"},
              "kind": {"type": "string"}
            }
          },
          "GroupSessionRequest": {
            "type": "object",
            "required": ["name", "date", "athletes"],
            "description": "Exactly one of session (with week) or set; 422 otherwise.",
            "properties": {
              "name": {
                "type": "string",
                "minLength": 1,
                "maxLength": 80,
                "description": "What the group calls it: 'Tuesday track'."
              },
              "date": {"type": "string", "description": "The day, YYYY-MM-DD."},
              "session": {"type": "string", "description": "A running session of the library by rule id: M10 to M21."},
              "set": {
                "type": "string",
                "maxLength": 120,
                "description": "A free-form set instead of session and week: COUNT × REP [@ PACE], RECOVERY, e.g. '8 × 400 m, 90 s jog', '5 × 1000 m @ I, 3 min jog'."
              },
              "week": {
                "type": "integer",
                "minimum": 1,
                "maximum": 8,
                "description": "The week of the block the session is taken from; 1 when left out."
              },
              "athletes": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Handles of athletes you coach, in the table's order."
              }
            }
          },
          "GroupSplits": {
            "type": "object",
            "required": ["id", "name", "date", "rule", "session", "repColumns", "athletes"],
            "properties": {
              "id": {"type": "string", "format": "uuid"},
              "name": {"type": "string"},
              "date": {"type": "string"},
              "rule": {"type": "string", "description": "The library session's rule id; M42 for a free-form set."},
              "week": {"type": "integer", "description": "The block week of a library session; left out for a set."},
              "session": {"type": "string", "description": "The library session's title, or the set's canonical text."},
              "kind": {"enum": ["library", "set"]},
              "set": {"type": "string", "description": "The free-form set's canonical text, e.g. '8 × 400 m @ R, 90 s jog'; left out for a library session."},
              "repColumns": {"type": "integer", "description": "The most reps any row has."},
              "athletes": {
                "type": "array",
                "description": "A row per athlete for the coach; a member gets only their own row.",
                "items": {
                  "type": "object",
                  "required": ["handle", "name", "source", "reps"],
                  "properties": {
                    "handle": {"type": "string"},
                    "name": {"type": "string"},
                    "vdot": {
                      "type": ["number", "null"],
                      "description": "The VDOT the athlete's targets come from; null without a result in their log."
                    },
                    "workout": {"type": ["string", "null"]},
                    "source": {"enum": ["file", "hand", "none"]},
                    "activity": {"type": ["string", "null"]},
                    "file": {"type": ["string", "null"]},
                    "summary": {"type": ["string", "null"]},
                    "reps": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "required": ["rep", "target", "actual", "perKilometer"],
                        "properties": {
                          "rep": {"type": "integer"},
                          "distance": {"type": ["string", "null"]},
                          "meters": {"type": ["number", "null"]},
                          "target": {"type": "string"},
                          "targetFastSeconds": {"type": ["number", "null"]},
                          "targetSlowSeconds": {"type": ["number", "null"]},
                          "seconds": {"type": ["number", "null"]},
                          "actual": {"type": "string"},
                          "verdict": {
                            "type": ["string", "null"],
                            "description": "on-target, fast, slow, missing or extra; null when nothing is logged yet."
                          },
                          "perKilometer": {"type": "boolean"}
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "GroupSessionList": {
            "type": "object",
            "required": ["sessions"],
            "properties": {
              "sessions": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": ["id", "name", "date", "rule", "role", "athletes"],
                  "properties": {
                    "id": {"type": "string", "format": "uuid"},
                    "name": {"type": "string"},
                    "date": {"type": "string"},
                    "rule": {"type": "string"},
                    "week": {"type": "integer", "description": "Left out for a free-form set."},
                    "role": {"enum": ["coach", "member"]},
                    "athletes": {"type": "integer"},
                    "kind": {"enum": ["library", "set"]},
                    "set": {"type": "string", "description": "The free-form set's canonical text; left out for a library session."}
                  }
                }
              }
            }
          },
          "GroupHandReps": {
            "type": "object",
            "required": ["athlete", "reps"],
            "properties": {
              "athlete": {"type": "string", "description": "The member's handle."},
              "reps": {"type": "string", "description": "Rep times, comma-separated: '1:31.2, 1:30.8'."},
              "repDistance": {"type": "string", "description": "Every rep's distance when not the planned one."}
            }
          },
          "Coaching": {"type": "object", "required": ["isCoach"], "properties": {"isCoach": {"type": "boolean"}}},
          "CoachingStopped": {
            "type": "object",
            "required": ["isCoach", "athletesReleased", "invitesRevoked", "groupSessionsDeleted"],
            "properties": {
              "isCoach": {"type": "boolean"},
              "athletesReleased": {"type": "integer", "minimum": 0},
              "invitesRevoked": {"type": "integer", "minimum": 0},
              "groupSessionsDeleted": {"type": "integer", "minimum": 0}
            }
          },
          "Invite": {
            "type": "object",
            "required": ["id", "createdAt", "expiresAt"],
            "properties": {
              "id": {"type": "string", "format": "uuid"},
              "createdAt": {"type": "string", "format": "date-time"},
              "expiresAt": {"type": "string", "format": "date-time"},
              "code": {
                "type": "string",
                "description": "The code to type, e.g. K7QX-93HD; in the answer that made it only (the server keeps a hash)."
              },
              "url": {"type": "string", "description": "The join link; in the answer that made it only."}
            }
          },
          "Coach": {
            "type": "object",
            "required": ["id", "login", "name", "since"],
            "properties": {
              "id": {"type": "string"},
              "login": {"type": "string"},
              "name": {"type": "string"},
              "since": {"type": "string", "format": "date-time"}
            }
          },
          "JoinRequest": {
            "type": "object",
            "required": ["code"],
            "properties": {"code": {"type": "string", "description": "The invite code, e.g. K7QX-93HD (any case, dash optional)."}}
          },
          "JoinAnswer": {
            "type": "object",
            "required": ["status", "coach"],
            "properties": {"status": {"enum": ["joined", "already"]}, "coach": {"$ref": "#/components/schemas/Coach"}}
          },
          "CoachedAthlete": {
            "type": "object",
            "description": "One row of the coach's dashboard: the week planned against done, compliance and easy runs over the last 4 weeks (M2), VDOT now and 6 weeks ago.",
            "required": ["handle", "name", "login", "since", "week", "compliance", "easyRuns", "fitness"],
            "properties": {
              "handle": {"type": "string"},
              "name": {"type": "string"},
              "login": {"type": "string"},
              "since": {"type": "string", "format": "date-time"},
              "plan": {"type": "string", "description": "The active plan's name; left out without one."},
              "week": {
                "type": "object",
                "required": ["monday", "planned", "done"],
                "properties": {
                  "monday": {"type": "string", "format": "date"},
                  "planned": {"type": "integer"},
                  "done": {"type": "integer"}
                }
              },
              "compliance": {
                "type": "object",
                "required": ["since", "planned", "done"],
                "properties": {
                  "since": {"type": "string", "format": "date"},
                  "planned": {"type": "integer"},
                  "done": {"type": "integer"},
                  "share": {"type": "number", "description": "done / planned; left out when nothing was planned."}
                }
              },
              "easyRuns": {
                "type": "object",
                "required": ["since", "checked", "tooHard", "flagged"],
                "properties": {
                  "since": {"type": "string", "format": "date"},
                  "checked": {"type": "integer"},
                  "tooHard": {"type": "integer"},
                  "flagged": {"type": "boolean"}
                }
              },
              "fitness": {
                "type": "object",
                "required": ["beforeDate"],
                "properties": {
                  "now": {"type": "number"},
                  "before": {"type": "number"},
                  "beforeDate": {"type": "string", "format": "date"},
                  "change": {"type": "number"}
                }
              }
            }
          },
          "JoinForm": {
            "type": "object",
            "required": ["csrf"],
            "properties": {"csrf": {"type": "string"}, "code": {"type": "string"}}
          }
        },
        "responses": {
          "BadRequest": {
            "description": "Malformed: the body is not the JSON this operation takes, or a query value is not written as documented.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
          },
          "NeedsToken": {
            "description": "No valid API token: none sent, not written Bearer TOKEN, unknown or revoked (RFC 6750); POST /api/v1/tokens makes one.",
            "headers": {"WWW-Authenticate": {"required": true, "schema": {"type": "string"}, "description": "Bearer realm=\"speedwork\""}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
          },
          "WrongLogin": {
            "description": "Wrong login or password: the same answer for both, so it tells nothing about which logins exist.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
          },
          "Forbidden": {
            "description": "Not allowed: a form without its CSRF token or with another one, a form sent signed out, registration closed on this server, or a coach's action by an account that does not coach.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
          },
          "NotFound": {
            "description": "Nothing here that you may see: no such thing, or another runner's, which answers as if it did not exist.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
          },
          "Conflict": {
            "description": "At odds with what is stored: the login is registered already, or the runner has no result to set the session's targets from.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
          },
          "ContentTooLarge": {
            "description": "The request body is over its limit: the server's upload limit for files, a smaller one for forms and JSON.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
          },
          "UnsupportedMediaType": {
            "description": "An upload form not sent as multipart/form-data.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
          },
          "UnprocessableContent": {
            "description": "A value that is not allowed: the line names it and what is allowed.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
          },
          "TooManyRequests": {
            "description": "Too many failed log-ins for this login or from this address: try again after Retry-After seconds.",
            "headers": {"Retry-After": {"required": true, "schema": {"type": "string", "pattern": "^[0-9]+$"}, "description": "Seconds to wait."}},
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
          },
          "ServiceUnavailable": {
            "description": "Not now: the training log's database cannot be reached, or this server was started without an importer and takes no uploads.",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
          },
          "Page": {"description": "An HTML page", "content": {"text/html": {"schema": {"type": "string"}}}},
          "PageRefused": {
            "description": "The page again, its form as it was sent, with a line saying what to change.",
            "content": {"text/html": {"schema": {"type": "string"}}}
          },
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
              "503": {"$ref": "#/components/responses/ServiceUnavailable"}
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
              "400": {"$ref": "#/components/responses/BadRequest"},
              "401": {"$ref": "#/components/responses/WrongLogin"},
              "413": {"$ref": "#/components/responses/ContentTooLarge"},
              "422": {"$ref": "#/components/responses/UnprocessableContent"},
              "429": {"$ref": "#/components/responses/TooManyRequests"}
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
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "404": {"$ref": "#/components/responses/NotFound"}
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
              "401": {"$ref": "#/components/responses/NeedsToken"}
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
              "401": {"$ref": "#/components/responses/NeedsToken"}
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
              "401": {"$ref": "#/components/responses/NeedsToken"}
            }
          },
          "delete": {
            "summary": "Revoke your calendar feed: its address answers 404 from now on",
            "security": [{"bearer": []}],
            "responses": {
              "204": {"description": "Revoked"},
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "404": {"$ref": "#/components/responses/NotFound"}
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
              "404": {"$ref": "#/components/responses/NotFound"}
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
              "403": {"$ref": "#/components/responses/Forbidden"}
            }
          }
        },
        "/api/v1/plan": {
          "get": {
            "summary": "Your active plan as it now stands, with each session planned, done or missed",
            "security": [{"bearer": []}],
            "responses": {
              "200": {
                "description": "The active plan",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ActivePlan"}}}
              },
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "404": {"$ref": "#/components/responses/NotFound"},
              "422": {"$ref": "#/components/responses/UnprocessableContent"}
            }
          },
          "post": {
            "summary": "Build a plan from speedwork plan's options and save it as your active plan (the one before stays as history)",
            "security": [{"bearer": []}],
            "requestBody": {
              "required": true,
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanRequest"}}}
            },
            "responses": {
              "201": {
                "description": "Saved",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ActivePlan"}}}
              },
              "400": {"$ref": "#/components/responses/BadRequest"},
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "413": {"$ref": "#/components/responses/ContentTooLarge"},
              "422": {"$ref": "#/components/responses/UnprocessableContent"}
            }
          }
        },
        "/plan": {
          "get": {
            "summary": "Your plan (signed in): the verdict and a calendar of planned against done; the plan form when no plan is active",
            "security": [{"session": []}, {}],
            "responses": {"200": {"$ref": "#/components/responses/Page"}, "303": {"$ref": "#/components/responses/SeeOther"}}
          },
          "post": {
            "summary": "Build a plan from the form and save it as your active plan (signed in)",
            "security": [{"session": []}, {}],
            "requestBody": {
              "required": true,
              "content": {"application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/PlanForm"}}}
            },
            "responses": {
              "303": {"$ref": "#/components/responses/SeeOther"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "422": {"$ref": "#/components/responses/PageRefused"}
            }
          }
        },
        "/plan/new": {
          "get": {
            "summary": "The plan form (signed in), to replace the active plan",
            "security": [{"session": []}, {}],
            "responses": {"200": {"$ref": "#/components/responses/Page"}, "303": {"$ref": "#/components/responses/SeeOther"}}
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
              "403": {"$ref": "#/components/responses/Forbidden"}
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
              "403": {"$ref": "#/components/responses/Forbidden"},
              "409": {"$ref": "#/components/responses/Conflict"},
              "413": {"$ref": "#/components/responses/ContentTooLarge"},
              "422": {"$ref": "#/components/responses/UnprocessableContent"}
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
              "401": {"$ref": "#/components/responses/WrongLogin"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "413": {"$ref": "#/components/responses/ContentTooLarge"},
              "422": {"$ref": "#/components/responses/UnprocessableContent"},
              "429": {"$ref": "#/components/responses/TooManyRequests"}
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
            "responses": {"303": {"$ref": "#/components/responses/SeeOther"}, "403": {"$ref": "#/components/responses/Forbidden"}}
          }
        },
        "/api/v1/activities/{id}": {
          "get": {
            "summary": "One of your activities: its stored analysis (the analyze --json contract) and the planned session it fulfils",
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
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "404": {"$ref": "#/components/responses/NotFound"}
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
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "413": {"$ref": "#/components/responses/ContentTooLarge"},
              "422": {"$ref": "#/components/responses/UnprocessableContent"},
              "503": {"$ref": "#/components/responses/ServiceUnavailable"}
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
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "404": {"$ref": "#/components/responses/NotFound"}
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
              "400": {"$ref": "#/components/responses/BadRequest"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "413": {"$ref": "#/components/responses/ContentTooLarge"},
              "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
              "422": {"$ref": "#/components/responses/UnprocessableContent"},
              "503": {"$ref": "#/components/responses/ServiceUnavailable"}
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
              "404": {"$ref": "#/components/responses/NotFound"}
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
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/v1/progress": {
          "get": {
            "summary": "Your progress over time (M52): the progress --json contract",
            "security": [{"bearer": []}],
            "parameters": [
              {
                "name": "since",
                "in": "query",
                "required": false,
                "description": "Only what was run on or after this day, YYYY-MM-DD (fitness still weighs the year before it).",
                "schema": {"type": "string", "format": "date"}
              },
              {
                "name": "season",
                "in": "query",
                "required": false,
                "description": "How best efforts and stride are grouped: calendar years or half-years.",
                "schema": {"enum": ["year", "half"], "default": "year"}
              }
            ],
            "responses": {
              "200": {
                "description": "The report",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Progress"}}}
              },
              "400": {"$ref": "#/components/responses/BadRequest"},
              "401": {"$ref": "#/components/responses/NeedsToken"}
            }
          }
        },
        "/progress": {
          "get": {
            "summary": "Your progress: charts of fitness, best efforts, the same session, stride and easy/hard balance, with their tables",
            "security": [{"session": []}, {}],
            "parameters": [
              {
                "name": "since",
                "in": "query",
                "required": false,
                "description": "Only what was run on or after this day, YYYY-MM-DD (fitness still weighs the year before it); empty: from the start; signed out, any value is sent to sign in.",
                "schema": {"type": "string"}
              },
              {
                "name": "season",
                "in": "query",
                "required": false,
                "description": "year (calendar years) or half (half-years); empty: year. Any other value is answered 400 with the form.",
                "schema": {"type": "string"}
              }
            ],
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "303": {"$ref": "#/components/responses/SeeOther"},
              "400": {"$ref": "#/components/responses/PageRefused"}
            }
          }
        },
        "/api/v1/today": {
          "get": {
            "summary": "The day's session from your active plan with its targets, what was done, the coach's notes (the today --json contract)",
            "security": [{"bearer": []}],
            "parameters": [
              {
                "name": "date",
                "in": "query",
                "required": false,
                "schema": {"type": "string", "format": "date"},
                "description": "The day, YYYY-MM-DD; today (UTC) when left out."
              }
            ],
            "responses": {
              "200": {
                "description": "The report",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanDay"}}}
              },
              "400": {"$ref": "#/components/responses/BadRequest"},
              "401": {"$ref": "#/components/responses/NeedsToken"}
            }
          }
        },
        "/api/v1/week": {
          "get": {
            "summary": "The plan's week holding the day (the week --json contract)",
            "security": [{"bearer": []}],
            "parameters": [
              {
                "name": "date",
                "in": "query",
                "required": false,
                "schema": {"type": "string", "format": "date"},
                "description": "The day, YYYY-MM-DD; today (UTC) when left out."
              }
            ],
            "responses": {
              "200": {
                "description": "The report",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanDay"}}}
              },
              "400": {"$ref": "#/components/responses/BadRequest"},
              "401": {"$ref": "#/components/responses/NeedsToken"}
            }
          }
        },
        "/today": {
          "get": {
            "summary": "Today (signed in): the day's session with every target, what was done, the coach's notes and the week",
            "security": [{"session": []}, {}],
            "parameters": [
              {
                "name": "date",
                "in": "query",
                "required": false,
                "schema": {"type": "string"},
                "description": "The day, YYYY-MM-DD; a date not written so is answered with 400 and the page's error line."
              }
            ],
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "303": {"$ref": "#/components/responses/SeeOther"},
              "400": {"$ref": "#/components/responses/PageRefused"}
            }
          }
        },
        "/week": {
          "get": {
            "summary": "The same page as /today",
            "security": [{"session": []}, {}],
            "parameters": [
              {
                "name": "date",
                "in": "query",
                "required": false,
                "schema": {"type": "string"},
                "description": "The day, YYYY-MM-DD; a date not written so is answered with 400 and the page's error line."
              }
            ],
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "303": {"$ref": "#/components/responses/SeeOther"},
              "400": {"$ref": "#/components/responses/PageRefused"}
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
              "201": {
                "description": "Stored",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/HandLogEntry"}}}
              },
              "400": {"$ref": "#/components/responses/BadRequest"},
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "413": {"$ref": "#/components/responses/ContentTooLarge"},
              "422": {"$ref": "#/components/responses/UnprocessableContent"}
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
              "403": {"$ref": "#/components/responses/Forbidden"},
              "413": {"$ref": "#/components/responses/ContentTooLarge"},
              "422": {"$ref": "#/components/responses/PageRefused"}
            }
          }
        },
        "/coach/sessions": {
          "get": {
            "summary": "The coach's group track sessions and the form to make one (signed in)",
            "security": [{"session": []}, {}],
            "responses": {"200": {"$ref": "#/components/responses/Page"}, "303": {"$ref": "#/components/responses/SeeOther"}}
          },
          "post": {
            "summary": "Make a group session from the form; on success a redirect to its page, else the form again with the error (422)",
            "security": [{"session": []}, {}],
            "requestBody": {"required": true, "content": {"application/x-www-form-urlencoded": {"schema": {"type": "object"}}}},
            "responses": {
              "303": {"$ref": "#/components/responses/SeeOther"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "413": {"$ref": "#/components/responses/ContentTooLarge"},
              "422": {"$ref": "#/components/responses/PageRefused"}
            }
          }
        },
        "/coach/sessions/{id}": {
          "get": {
            "summary": "A group session's split table and chart, for its coach (anyone else: 404)",
            "security": [{"session": []}, {}],
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The group session's id."
              }
            ],
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "303": {"$ref": "#/components/responses/SeeOther"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/coach/sessions/{id}/splits.csv": {
          "get": {
            "summary": "The splits as CSV, a line per athlete and rep, for the session's coach",
            "security": [{"session": []}, {}],
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The group session's id."
              }
            ],
            "responses": {
              "200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}},
              "303": {"$ref": "#/components/responses/SeeOther"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/coach/sessions/{id}/reps": {
          "post": {
            "summary": "Enter an athlete's reps timed by hand (M50), kept in their log; the page again with the error (422) when refused",
            "security": [{"session": []}, {}],
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The group session's id."
              }
            ],
            "requestBody": {
              "required": true,
              "content": {"application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/GroupHandReps"}}}
            },
            "responses": {
              "303": {"$ref": "#/components/responses/SeeOther"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "404": {"$ref": "#/components/responses/NotFound"},
              "413": {"$ref": "#/components/responses/ContentTooLarge"},
              "422": {"$ref": "#/components/responses/PageRefused"}
            }
          }
        },
        "/coach/sessions/{id}/athletes/{handle}/activity": {
          "post": {
            "summary": "The coach's page form: upload a member's watch file (one FIT, GPX or TCX file, optionally gzipped; the csrf field first), imported into the member's log at once; back to the page, or the page again with the error",
            "security": [{"session": []}],
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The group session's id."
              },
              {
                "name": "handle",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The member's handle."
              }
            ],
            "requestBody": {
              "required": true,
              "content": {"multipart/form-data": {"schema": {"$ref": "#/components/schemas/UploadForm"}}}
            },
            "responses": {
              "303": {"$ref": "#/components/responses/SeeOther"},
              "400": {"$ref": "#/components/responses/BadRequest"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "404": {"$ref": "#/components/responses/NotFound"},
              "413": {"$ref": "#/components/responses/PageRefused"},
              "415": {"$ref": "#/components/responses/PageRefused"},
              "422": {"$ref": "#/components/responses/PageRefused"},
              "503": {"$ref": "#/components/responses/ServiceUnavailable"}
            }
          }
        },
        "/coach/sessions/{id}/delete": {
          "post": {
            "summary": "Delete a group session (its coach only)",
            "security": [{"session": []}, {}],
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The group session's id."
              }
            ],
            "responses": {
              "303": {"$ref": "#/components/responses/SeeOther"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/group-sessions/{id}": {
          "get": {
            "summary": "A group session as a member sees it: their own targets and reps",
            "security": [{"session": []}, {}],
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The group session's id."
              }
            ],
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "303": {"$ref": "#/components/responses/SeeOther"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/group-sessions/{id}/workout.fit": {
          "get": {
            "summary": "The member's session at their own targets as a FIT workout",
            "security": [{"session": []}, {}],
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The group session's id."
              }
            ],
            "responses": {
              "200": {
                "description": "FIT workout",
                "content": {"application/vnd.ant.fit": {"schema": {"type": "string", "format": "binary"}}}
              },
              "303": {"$ref": "#/components/responses/SeeOther"},
              "404": {"$ref": "#/components/responses/NotFound"},
              "409": {"$ref": "#/components/responses/Conflict"}
            }
          }
        },
        "/api/v1/group-sessions": {
          "get": {
            "summary": "The group sessions you coach and those you are in",
            "security": [{"bearer": []}],
            "parameters": [
              {
                "name": "from",
                "in": "query",
                "required": false,
                "schema": {"type": "string"},
                "description": "First day, YYYY-MM-DD (default: a year ago)."
              },
              {
                "name": "to",
                "in": "query",
                "required": false,
                "schema": {"type": "string"},
                "description": "Last day, YYYY-MM-DD (default: a year ahead)."
              }
            ],
            "responses": {
              "200": {
                "description": "The sessions by day",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/GroupSessionList"}}}
              },
              "400": {"$ref": "#/components/responses/BadRequest"},
              "401": {"$ref": "#/components/responses/NeedsToken"}
            }
          },
          "post": {
            "summary": "Make a group session for athletes you coach; the answer is its split table",
            "security": [{"bearer": []}],
            "requestBody": {
              "required": true,
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/GroupSessionRequest"}}}
            },
            "responses": {
              "201": {
                "description": "Made",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/GroupSplits"}}}
              },
              "400": {"$ref": "#/components/responses/BadRequest"},
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "413": {"$ref": "#/components/responses/ContentTooLarge"},
              "422": {"$ref": "#/components/responses/UnprocessableContent"}
            }
          }
        },
        "/api/v1/group-sessions/{id}": {
          "get": {
            "summary": "A group session's split table: every athlete for its coach, a member's own row for a member (anyone else: 404)",
            "security": [{"bearer": []}],
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The group session's id."
              }
            ],
            "responses": {
              "200": {
                "description": "The table",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/GroupSplits"}}}
              },
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          },
          "delete": {
            "summary": "Delete a group session (its coach only)",
            "security": [{"bearer": []}],
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The group session's id."
              }
            ],
            "responses": {
              "204": {"description": "Deleted"},
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/v1/group-sessions/{id}/reps": {
          "post": {
            "summary": "Enter a member's reps timed by hand (M50), kept in their log; the answer is the table",
            "security": [{"bearer": []}],
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The group session's id."
              }
            ],
            "requestBody": {
              "required": true,
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/GroupHandReps"}}}
            },
            "responses": {
              "201": {
                "description": "Stored",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/GroupSplits"}}}
              },
              "400": {"$ref": "#/components/responses/BadRequest"},
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "404": {"$ref": "#/components/responses/NotFound"},
              "413": {"$ref": "#/components/responses/ContentTooLarge"},
              "422": {"$ref": "#/components/responses/UnprocessableContent"}
            }
          }
        },
        "/api/v1/group-sessions/{id}/athletes/{handle}/activity": {
          "post": {
            "summary": "The coach uploads a member's watch file (one FIT, GPX or TCX file, optionally gzipped), imported into the member's log at once; the answer is the table",
            "security": [{"bearer": []}],
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The group session's id."
              },
              {
                "name": "handle",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The member's handle."
              },
              {
                "name": "name",
                "in": "query",
                "required": true,
                "schema": {"type": "string"},
                "description": "The file's name, e.g. track.fit."
              }
            ],
            "requestBody": {
              "required": true,
              "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}
            },
            "responses": {
              "201": {
                "description": "Imported",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/GroupSplits"}}}
              },
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "404": {"$ref": "#/components/responses/NotFound"},
              "413": {"$ref": "#/components/responses/ContentTooLarge"},
              "422": {"$ref": "#/components/responses/UnprocessableContent"},
              "503": {"$ref": "#/components/responses/ServiceUnavailable"}
            }
          }
        },
        "/api/v1/group-sessions/{id}/splits.csv": {
          "get": {
            "summary": "The splits as CSV, for the session's coach",
            "security": [{"bearer": []}],
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The group session's id."
              }
            ],
            "responses": {
              "200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}},
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/v1/group-sessions/{id}/workout.fit": {
          "get": {
            "summary": "Your session at your own targets as a FIT workout (members only)",
            "security": [{"bearer": []}],
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The group session's id."
              }
            ],
            "responses": {
              "200": {
                "description": "FIT workout",
                "content": {"application/vnd.ant.fit": {"schema": {"type": "string", "format": "binary"}}}
              },
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "404": {"$ref": "#/components/responses/NotFound"},
              "409": {"$ref": "#/components/responses/Conflict"}
            }
          }
        },
        "/coach": {
          "get": {
            "summary": "Coaching (signed in): the Start coaching form, or the dashboard with one row per athlete and the open invites",
            "security": [{"session": []}, {}],
            "responses": {"200": {"$ref": "#/components/responses/Page"}, "303": {"$ref": "#/components/responses/SeeOther"}}
          },
          "post": {
            "summary": "Turn coaching on for your account (signed in)",
            "security": [{"session": []}, {}],
            "requestBody": {
              "required": true,
              "content": {"application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/CSRFForm"}}}
            },
            "responses": {"303": {"$ref": "#/components/responses/SeeOther"}, "403": {"$ref": "#/components/responses/Forbidden"}}
          }
        },
        "/coach/stop": {
          "post": {
            "summary": "Stop coaching (a coach, signed in): every athlete is let go, open invites are revoked, your group sessions are deleted",
            "security": [{"session": []}, {}],
            "requestBody": {
              "required": true,
              "content": {"application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/CSRFForm"}}}
            },
            "responses": {
              "303": {"$ref": "#/components/responses/SeeOther"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/coach/invites": {
          "post": {
            "summary": "Make an invite (a coach, signed in): the page shows its link and code once",
            "security": [{"session": []}, {}],
            "requestBody": {
              "required": true,
              "content": {"application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/CSRFForm"}}}
            },
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "303": {"$ref": "#/components/responses/SeeOther"},
              "403": {"$ref": "#/components/responses/Forbidden"}
            }
          }
        },
        "/coach/invites/{id}/revoke": {
          "post": {
            "summary": "Revoke one of your open invites (signed in)",
            "security": [{"session": []}, {}],
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The invite's id."
              }
            ],
            "requestBody": {
              "required": true,
              "content": {"application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/CSRFForm"}}}
            },
            "responses": {
              "303": {"$ref": "#/components/responses/SeeOther"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/coach/athletes/{handle}/release": {
          "post": {
            "summary": "Let one of your athletes go (signed in)",
            "security": [{"session": []}, {}],
            "parameters": [
              {
                "name": "handle",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The runner's handle: your own, or an athlete you coach; any other answers 404."
              }
            ],
            "requestBody": {
              "required": true,
              "content": {"application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/CSRFForm"}}}
            },
            "responses": {
              "303": {"$ref": "#/components/responses/SeeOther"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/join": {
          "get": {
            "summary": "The form to type a coach's invite code (signed in)",
            "security": [{"session": []}, {}],
            "responses": {"200": {"$ref": "#/components/responses/Page"}, "303": {"$ref": "#/components/responses/SeeOther"}}
          },
          "post": {
            "summary": "Join the coach whose open invite has the typed code (signed in); the form again with the reason otherwise",
            "security": [{"session": []}, {}],
            "requestBody": {
              "required": true,
              "content": {"application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/JoinForm"}}}
            },
            "responses": {
              "303": {"$ref": "#/components/responses/SeeOther"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "404": {"$ref": "#/components/responses/PageRefused"},
              "422": {"$ref": "#/components/responses/PageRefused"}
            }
          }
        },
        "/join/{code}": {
          "get": {
            "summary": "An invite link: the confirmation (signed in), else sign in or register and come back",
            "security": [{"session": []}, {}],
            "parameters": [{"name": "code", "in": "path", "required": true, "schema": {"type": "string"}}],
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "303": {"$ref": "#/components/responses/SeeOther"},
              "404": {"$ref": "#/components/responses/PageRefused"}
            }
          },
          "post": {
            "summary": "Join the coach of this invite (signed in)",
            "security": [{"session": []}, {}],
            "parameters": [{"name": "code", "in": "path", "required": true, "schema": {"type": "string"}}],
            "requestBody": {
              "required": true,
              "content": {"application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/CSRFForm"}}}
            },
            "responses": {
              "303": {"$ref": "#/components/responses/SeeOther"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "404": {"$ref": "#/components/responses/PageRefused"},
              "422": {"$ref": "#/components/responses/PageRefused"}
            }
          }
        },
        "/coaches": {
          "get": {
            "summary": "Your coaches (signed in), each with a Leave button",
            "security": [{"session": []}, {}],
            "responses": {"200": {"$ref": "#/components/responses/Page"}, "303": {"$ref": "#/components/responses/SeeOther"}}
          }
        },
        "/coaches/{id}/leave": {
          "post": {
            "summary": "Leave one of your coaches (signed in)",
            "security": [{"session": []}, {}],
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The coach's account id."
              }
            ],
            "requestBody": {
              "required": true,
              "content": {"application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/CSRFForm"}}}
            },
            "responses": {
              "303": {"$ref": "#/components/responses/SeeOther"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/coach/athletes/{handle}": {
          "get": {
            "summary": "An athlete's log as their coach sees it (signed in)",
            "security": [{"session": []}, {}],
            "parameters": [
              {
                "name": "handle",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The runner's handle: your own, or an athlete you coach; any other answers 404."
              }
            ],
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "303": {"$ref": "#/components/responses/SeeOther"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/coach/athletes/{handle}/today": {
          "get": {
            "summary": "An athlete's day and week, as /today (signed in)",
            "security": [{"session": []}, {}],
            "parameters": [
              {
                "name": "handle",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The runner's handle: your own, or an athlete you coach; any other answers 404."
              },
              {
                "name": "date",
                "in": "query",
                "required": false,
                "schema": {"type": "string"},
                "description": "The day, YYYY-MM-DD; a date not written so is answered with 400 and the page's error line."
              }
            ],
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "303": {"$ref": "#/components/responses/SeeOther"},
              "400": {"$ref": "#/components/responses/PageRefused"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/coach/athletes/{handle}/week": {
          "get": {
            "summary": "The same page as /coach/athletes/{handle}/today",
            "security": [{"session": []}, {}],
            "parameters": [
              {
                "name": "handle",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The runner's handle: your own, or an athlete you coach; any other answers 404."
              },
              {
                "name": "date",
                "in": "query",
                "required": false,
                "schema": {"type": "string"},
                "description": "The day, YYYY-MM-DD; a date not written so is answered with 400 and the page's error line."
              }
            ],
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "303": {"$ref": "#/components/responses/SeeOther"},
              "400": {"$ref": "#/components/responses/PageRefused"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/coach/athletes/{handle}/plan": {
          "get": {
            "summary": "An athlete's plan, as /plan (signed in)",
            "security": [{"session": []}, {}],
            "parameters": [
              {
                "name": "handle",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The runner's handle: your own, or an athlete you coach; any other answers 404."
              }
            ],
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "303": {"$ref": "#/components/responses/SeeOther"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          },
          "post": {
            "summary": "Build a plan for the athlete from the form, checked as /plan's, and save it to their log (signed in)",
            "security": [{"session": []}, {}],
            "parameters": [
              {
                "name": "handle",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The runner's handle: your own, or an athlete you coach; any other answers 404."
              }
            ],
            "requestBody": {
              "required": true,
              "content": {"application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/PlanForm"}}}
            },
            "responses": {
              "303": {"$ref": "#/components/responses/SeeOther"},
              "403": {"$ref": "#/components/responses/Forbidden"},
              "404": {"$ref": "#/components/responses/NotFound"},
              "422": {"$ref": "#/components/responses/PageRefused"}
            }
          }
        },
        "/coach/athletes/{handle}/plan/new": {
          "get": {
            "summary": "The plan form for the athlete (signed in)",
            "security": [{"session": []}, {}],
            "parameters": [
              {
                "name": "handle",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The runner's handle: your own, or an athlete you coach; any other answers 404."
              }
            ],
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "303": {"$ref": "#/components/responses/SeeOther"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/coach/athletes/{handle}/progress": {
          "get": {
            "summary": "An athlete's progress, as /progress (signed in)",
            "security": [{"session": []}, {}],
            "parameters": [
              {
                "name": "handle",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The runner's handle: your own, or an athlete you coach; any other answers 404."
              },
              {
                "name": "since",
                "in": "query",
                "required": false,
                "schema": {"type": "string"},
                "description": "As on /progress."
              },
              {
                "name": "season",
                "in": "query",
                "required": false,
                "schema": {"type": "string"},
                "description": "As on /progress."
              }
            ],
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "303": {"$ref": "#/components/responses/SeeOther"},
              "400": {"$ref": "#/components/responses/PageRefused"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/coach/athletes/{handle}/activities/{id}": {
          "get": {
            "summary": "One of an athlete's activities, as /activities/{id} (signed in)",
            "security": [{"session": []}, {}],
            "parameters": [
              {
                "name": "handle",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The runner's handle: your own, or an athlete you coach; any other answers 404."
              },
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The activity's content hash."
              }
            ],
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "303": {"$ref": "#/components/responses/SeeOther"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/v1/coach": {
          "post": {
            "summary": "Turn coaching on for your account",
            "security": [{"bearer": []}],
            "responses": {
              "200": {
                "description": "Coaching is on",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Coaching"}}}
              },
              "401": {"$ref": "#/components/responses/NeedsToken"}
            }
          },
          "delete": {
            "summary": "Stop coaching: every athlete is let go, open invites are revoked, your group sessions are deleted",
            "security": [{"bearer": []}],
            "responses": {
              "200": {
                "description": "Coaching is off; what stopping undid",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CoachingStopped"}}}
              },
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/v1/coach/athletes": {
          "get": {
            "summary": "The athletes you coach, one dashboard row each",
            "security": [{"bearer": []}],
            "responses": {
              "200": {
                "description": "The athletes",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "required": ["athletes"],
                      "properties": {"athletes": {"type": "array", "items": {"$ref": "#/components/schemas/CoachedAthlete"}}}
                    }
                  }
                }
              },
              "401": {"$ref": "#/components/responses/NeedsToken"}
            }
          }
        },
        "/api/v1/coach/athletes/{handle}": {
          "delete": {
            "summary": "Let one of your athletes go",
            "security": [{"bearer": []}],
            "parameters": [
              {
                "name": "handle",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The runner's handle: your own, or an athlete you coach; any other answers 404."
              }
            ],
            "responses": {
              "204": {"description": "Let go"},
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/v1/coach/invites": {
          "get": {
            "summary": "Your open invites, newest first (their codes are not kept)",
            "security": [{"bearer": []}],
            "responses": {
              "200": {
                "description": "The invites",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "required": ["invites"],
                      "properties": {"invites": {"type": "array", "items": {"$ref": "#/components/schemas/Invite"}}}
                    }
                  }
                }
              },
              "401": {"$ref": "#/components/responses/NeedsToken"}
            }
          },
          "post": {
            "summary": "Make an invite: its code and link are in this answer only",
            "security": [{"bearer": []}],
            "responses": {
              "201": {
                "description": "Made",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Invite"}}}
              },
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "403": {"$ref": "#/components/responses/Forbidden"}
            }
          }
        },
        "/api/v1/coach/invites/{id}": {
          "delete": {
            "summary": "Revoke one of your open invites",
            "security": [{"bearer": []}],
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The invite's id."
              }
            ],
            "responses": {
              "204": {"description": "Revoked"},
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/v1/join": {
          "post": {
            "summary": "Join the coach whose open invite has this code",
            "security": [{"bearer": []}],
            "requestBody": {
              "required": true,
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/JoinRequest"}}}
            },
            "responses": {
              "200": {
                "description": "Joined (or already this coach's athlete)",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/JoinAnswer"}}}
              },
              "400": {"$ref": "#/components/responses/BadRequest"},
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "404": {"$ref": "#/components/responses/NotFound"},
              "413": {"$ref": "#/components/responses/ContentTooLarge"},
              "422": {"$ref": "#/components/responses/UnprocessableContent"}
            }
          }
        },
        "/api/v1/coaches": {
          "get": {
            "summary": "Your coaches",
            "security": [{"bearer": []}],
            "responses": {
              "200": {
                "description": "The coaches",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "required": ["coaches"],
                      "properties": {"coaches": {"type": "array", "items": {"$ref": "#/components/schemas/Coach"}}}
                    }
                  }
                }
              },
              "401": {"$ref": "#/components/responses/NeedsToken"}
            }
          }
        },
        "/api/v1/coaches/{id}": {
          "delete": {
            "summary": "Leave one of your coaches",
            "security": [{"bearer": []}],
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The coach's account id."
              }
            ],
            "responses": {
              "204": {"description": "Left"},
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/v1/athletes/{handle}/today": {
          "get": {
            "summary": "An athlete's day, as /api/v1/today (your own runner or one you coach)",
            "security": [{"bearer": []}],
            "parameters": [
              {
                "name": "handle",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The runner's handle: your own, or an athlete you coach; any other answers 404."
              },
              {
                "name": "date",
                "in": "query",
                "required": false,
                "schema": {"type": "string", "format": "date"},
                "description": "The day, YYYY-MM-DD; today (UTC) when left out."
              }
            ],
            "responses": {
              "200": {
                "description": "The report",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanDay"}}}
              },
              "400": {"$ref": "#/components/responses/BadRequest"},
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/v1/athletes/{handle}/week": {
          "get": {
            "summary": "An athlete's week, as /api/v1/week",
            "security": [{"bearer": []}],
            "parameters": [
              {
                "name": "handle",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The runner's handle: your own, or an athlete you coach; any other answers 404."
              },
              {
                "name": "date",
                "in": "query",
                "required": false,
                "schema": {"type": "string", "format": "date"},
                "description": "The day, YYYY-MM-DD; today (UTC) when left out."
              }
            ],
            "responses": {
              "200": {
                "description": "The report",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanDay"}}}
              },
              "400": {"$ref": "#/components/responses/BadRequest"},
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/v1/athletes/{handle}/progress": {
          "get": {
            "summary": "An athlete's progress, as /api/v1/progress",
            "security": [{"bearer": []}],
            "parameters": [
              {
                "name": "handle",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The runner's handle: your own, or an athlete you coach; any other answers 404."
              },
              {
                "name": "since",
                "in": "query",
                "required": false,
                "description": "As for /api/v1/progress.",
                "schema": {"type": "string", "format": "date"}
              },
              {
                "name": "season",
                "in": "query",
                "required": false,
                "description": "As for /api/v1/progress.",
                "schema": {"enum": ["year", "half"], "default": "year"}
              }
            ],
            "responses": {
              "200": {
                "description": "The report",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Progress"}}}
              },
              "400": {"$ref": "#/components/responses/BadRequest"},
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/v1/athletes/{handle}/plan": {
          "get": {
            "summary": "An athlete's active plan, as /api/v1/plan",
            "security": [{"bearer": []}],
            "parameters": [
              {
                "name": "handle",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The runner's handle: your own, or an athlete you coach; any other answers 404."
              }
            ],
            "responses": {
              "200": {
                "description": "The active plan",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ActivePlan"}}}
              },
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "404": {"$ref": "#/components/responses/NotFound"},
              "422": {"$ref": "#/components/responses/UnprocessableContent"}
            }
          },
          "post": {
            "summary": "Build a plan for the athlete, checked as /api/v1/plan's, and save it as their active plan",
            "security": [{"bearer": []}],
            "parameters": [
              {
                "name": "handle",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The runner's handle: your own, or an athlete you coach; any other answers 404."
              }
            ],
            "requestBody": {
              "required": true,
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanRequest"}}}
            },
            "responses": {
              "201": {
                "description": "Saved",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ActivePlan"}}}
              },
              "400": {"$ref": "#/components/responses/BadRequest"},
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "404": {"$ref": "#/components/responses/NotFound"},
              "413": {"$ref": "#/components/responses/ContentTooLarge"},
              "422": {"$ref": "#/components/responses/UnprocessableContent"}
            }
          }
        },
        "/api/v1/athletes/{handle}/activities": {
          "get": {
            "summary": "An athlete's activities, as /api/v1/activities",
            "security": [{"bearer": []}],
            "parameters": [
              {
                "name": "handle",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The runner's handle: your own, or an athlete you coach; any other answers 404."
              }
            ],
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
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/api/v1/athletes/{handle}/activities/{id}": {
          "get": {
            "summary": "One of an athlete's activities, as /api/v1/activities/{id}",
            "security": [{"bearer": []}],
            "parameters": [
              {
                "name": "handle",
                "in": "path",
                "required": true,
                "schema": {"type": "string"},
                "description": "The runner's handle: your own, or an athlete you coach; any other answers 404."
              },
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
              "401": {"$ref": "#/components/responses/NeedsToken"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        }
      }
    }
    """#
}
