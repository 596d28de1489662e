/** The classes the exports declare (`--labels`): those the dataset holds by default, or the model's list. */
import { describe, expect, test } from '@jest/globals';

import type { KeptImage } from '../../../src/domain/frame-record.js';
import { datasetCategories } from '../../../src/export/categories.js';

const MODEL = ['person', 'bicycle', 'car', 'dog', 'truck'];

function image(...classes: string[]): KeptImage {
  return {
    file: 'v_000000.jpg',
    video: 'v',
    frameIndex: 0,
    timestampMs: 0,
    decode: 'sequential',
    width: 10,
    height: 10,
    detections: classes.map((className) => ({ classIndex: MODEL.indexOf(className), className, score: 0.9, box: { x: 0, y: 0, width: 1, height: 1 } })),
  };
}

describe('datasetCategories', () => {
  const kept = [image('truck', 'person'), image(), image('dog', 'person')];

  test('by default, the classes held, in the model order', () => {
    expect(datasetCategories(kept, MODEL, { labels: 'dataset', classes: null })).toEqual(['person', 'dog', 'truck']);
  });

  test('--classes: those asked for, in their order, held or not', () => {
    expect(datasetCategories(kept, MODEL, { labels: 'dataset', classes: ['car', 'person'] })).toEqual(['car', 'person']);
  });

  test('--labels all: the model list, whatever the dataset holds or --classes asks', () => {
    expect(datasetCategories(kept, MODEL, { labels: 'all', classes: null })).toEqual(MODEL);
    expect(datasetCategories(kept, MODEL, { labels: 'all', classes: ['car'] })).toEqual(MODEL);
  });

  test('a dataset with no detection declares the model list: its annotators label from scratch', () => {
    expect(datasetCategories([image(), image()], MODEL, { labels: 'dataset', classes: null })).toEqual(MODEL);
  });
});
