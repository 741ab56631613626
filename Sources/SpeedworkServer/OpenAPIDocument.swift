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
              "name": {"type": "string", "minLength": 1, "maxLength": 80, "description": "What the token is for; 'API token' when left out."}
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
          "CSRFForm": {
            "type": "object",
            "required": ["csrf"],
            "properties": {"csrf": {"type": "string"}}
          }
        },
        "responses": {
          "Error": {"description": "Refused", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "Page": {"description": "An HTML page", "content": {"text/html": {"schema": {"type": "string"}}}},
          "SeeOther": {"description": "Done, or sign in first: go to Location", "headers": {"Location": {"schema": {"type": "string"}}}}
        }
      },
      "paths": {
        "/health": {
          "get": {
            "summary": "Whether the app and its database answer",
            "responses": {
              "200": {"description": "Up", "content": {"application/json": {"schema": {"type": "object", "required": ["status"], "properties": {"status": {"const": "ok"}}}}}},
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
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TokenRequest"}}}},
            "responses": {
              "201": {"description": "Made", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewToken"}}}},
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
                "content": {"application/json": {"schema": {
                  "type": "object", "required": ["activities"],
                  "properties": {"activities": {"type": "array", "items": {"$ref": "#/components/schemas/Activity"}}}
                }}}
              },
              "401": {"$ref": "#/components/responses/Error"}
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
            "responses": {"200": {"$ref": "#/components/responses/Page"}, "303": {"$ref": "#/components/responses/SeeOther"}, "403": {"$ref": "#/components/responses/Error"}}
          },
          "post": {
            "summary": "Register and sign in",
            "requestBody": {"required": true, "content": {"application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/AccountForm"}}}},
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
            "requestBody": {"required": true, "content": {"application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/AccountForm"}}}},
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
            "requestBody": {"required": true, "content": {"application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/CSRFForm"}}}},
            "responses": {"303": {"$ref": "#/components/responses/SeeOther"}, "403": {"$ref": "#/components/responses/Error"}}
          }
        }
      }
    }
    """#
}
