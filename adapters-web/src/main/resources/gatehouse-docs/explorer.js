// Swagger UI for this service's own OpenAPI document, everything from this origin:
// validatorUrl null, so the UI never asks validator.swagger.io (or any other host) for anything.
window.ui = SwaggerUIBundle({
  url: '/openapi.yml',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  tryItOutEnabled: false
});
