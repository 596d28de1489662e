/** What a detector finds; the detector, the dataset writers and the reports all read these types. */

/** A detection box in source-image pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Detection {
  /** 0-based class index in the model's output. */
  classIndex: number;
  className: string;
  score: number;
  box: Box;
}
