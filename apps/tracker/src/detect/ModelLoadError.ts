/** A model could not be fetched or is not a model. The message says what to do. */
export class ModelLoadError extends Error {
  override readonly name = 'ModelLoadError';
  /** The URL the model was fetched from. */
  readonly url: string;

  /** @param what names the model in the message, e.g. `face`. */
  constructor(url: string, problem: string, what: string) {
    const file = url.slice(url.lastIndexOf('/') + 1);
    super(
      `Could not load the ${what} model from ${url}: ${problem}. ` +
        `Put ${file} in the hub's models folder (run "node models/fetch-models.mjs", ` +
        'or start the hub with RIGCAST_MODELS_DIR pointing at a folder that has it), then reload this page.',
    );
    this.url = url;
  }
}
