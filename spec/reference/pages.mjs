// The pages of the rendered reference: which document each renders, and with what (build.mjs renders, check.mjs checks).
export const pages = [
  { file: 'decthings-model-api.html', source: 'openapi/decthings-model-api.yaml', kind: 'openapi' },
  { file: 'pieces-model-api.html', source: 'openapi/pieces-model-api.yaml', kind: 'openapi' },
  { file: 'pieces-download-progress.html', source: 'asyncapi/pieces-download-progress.yaml', kind: 'asyncapi' },
];
