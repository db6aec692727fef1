import { malformedBody } from '../runtime-errors.js';
import type { ImageBodyFormat } from './body-format.js';
import { isObject, optionalInteger, requiredString } from './body-checks.js';

/**
 * Amazon Titan Image Generator (`amazon.titan-image-generator-v1`/`-v2:0`), the image body format ModelWatch speaks:
 * `{"taskType": "TEXT_IMAGE", "textToImageParams": {"text"}, "imageGenerationConfig": {numberOfImages, width,
 * height, seed}}` answered with `{"images": [base64 PNG...], "error": null}`. Only TEXT_IMAGE is served.
 * [unconfirmed] defaults (1 image, 1024x1024) and the wording of refusals.
 */
export const titanImageFormat: ImageBodyFormat = {
  kind: 'image',
  toImage(body) {
    const taskType = requiredString(body, 'taskType');
    if (taskType !== 'TEXT_IMAGE') throw malformedBody(`#/taskType: ${taskType} is not supported by this model in ModelWatch`);
    const params = body.textToImageParams;
    if (!isObject(params)) throw malformedBody('#: required key [textToImageParams] not found');
    const prompt = requiredString(params, 'text', '#/textToImageParams');
    const config = isObject(body.imageGenerationConfig) ? body.imageGenerationConfig : {};
    const path = '#/imageGenerationConfig';
    const count = optionalInteger(config, 'numberOfImages', { min: 1, max: 5 }, path) ?? 1;
    const width = optionalInteger(config, 'width', { min: 256, max: 2048 }, path) ?? 1024;
    const height = optionalInteger(config, 'height', { min: 256, max: 2048 }, path) ?? 1024;
    const seed = optionalInteger(config, 'seed', { min: 0, max: 2147483646 }, path);
    return { prompt, width, height, count, ...(seed === undefined ? {} : { seed }) };
  },
  fromResult: (result) => ({ images: result.images.map((png) => Buffer.from(png).toString('base64')), error: null }),
};
