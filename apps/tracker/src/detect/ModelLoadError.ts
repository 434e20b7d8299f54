/** The face model could not be fetched or is not a model. The message says what to do. */
export class ModelLoadError extends Error {
  override readonly name = 'ModelLoadError';
  /** The URL the model was fetched from. */
  readonly url: string;

  constructor(url: string, problem: string) {
    super(
      `Could not load the face model from ${url}: ${problem}. ` +
        'Put face_landmarker.task in the hub\'s models folder (run "node models/fetch-models.mjs", ' +
        'or start the hub with RIGCAST_MODELS_DIR pointing at a folder that has it), then reload this page.',
    );
    this.url = url;
  }
}
