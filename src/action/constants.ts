/**
 * The Action's inputs and outputs, spelled exactly as in action.yml (a unit test checks both ways),
 * and the defaults action.yml declares. The runner passes every declared default as an `INPUT_*`
 * variable; the same defaults apply here when a variable is missing or empty (a container run by
 * hand, or an input given as an empty expression).
 */

export enum Input {
  Video = 'video',
  OutputDir = 'output-dir',
  ModelConfig = 'model-config',
  Model = 'model',
  ModelSha256 = 'model-sha256',
  SampleFps = 'sample-fps',
  DedupThreshold = 'dedup-threshold',
  Confidence = 'confidence',
  Iou = 'iou',
  Classes = 'classes',
  Site = 'site',
  UploadArtifact = 'upload-artifact',
  ArtifactName = 'artifact-name',
  RetentionDays = 'retention-days',
  JobSummary = 'job-summary',
  CacheModel = 'cache-model',
  MinImages = 'min-images',
  MaxDropRatio = 'max-drop-ratio',
  PushgatewayUrl = 'pushgateway-url',
  HistoryCsv = 'history-csv',
}

export enum Output {
  ImageCount = 'image-count',
  DetectionCount = 'detection-count',
  DropRatio = 'drop-ratio',
  DatasetDir = 'dataset-dir',
  CocoPath = 'coco-path',
  ReportPath = 'report-path',
  ManifestPath = 'manifest-path',
  ArtifactId = 'artifact-id',
  ArtifactUrl = 'artifact-url',
}

/**
 * Defaults as action.yml declares them. An empty string means "none" or "computed at run time":
 * `site` is the repository name, `artifact-name` is `dataset-<site>-<run id>`.
 */
export const INPUT_DEFAULTS: Readonly<Record<Input, string>> = {
  [Input.Video]: '',
  [Input.OutputDir]: 'dataset',
  [Input.ModelConfig]: 'yolov8n-coco',
  [Input.Model]: '',
  [Input.ModelSha256]: '',
  [Input.SampleFps]: '1',
  [Input.DedupThreshold]: '2',
  [Input.Confidence]: '',
  [Input.Iou]: '',
  [Input.Classes]: '',
  [Input.Site]: '',
  [Input.UploadArtifact]: 'true',
  [Input.ArtifactName]: '',
  [Input.RetentionDays]: '',
  [Input.JobSummary]: 'true',
  [Input.CacheModel]: 'true',
  [Input.MinImages]: '0',
  [Input.MaxDropRatio]: '1',
  [Input.PushgatewayUrl]: '',
  [Input.HistoryCsv]: '',
};

/** How an input is named in messages, e.g. `input "sample-fps"`. */
export function inputName(input: Input): string {
  return `input "${input}"`;
}
