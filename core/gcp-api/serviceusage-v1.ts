// Service Usage v1 `GoogleApiServiceusageV1Service`, reduced by hand to the fields the checks read
// (the full type embeds the whole service configuration). Field names as in the serviceusage v1
// discovery document.

/** `serviceusage.services.get` response. */
export interface ServiceUsageService {
  /** `projects/123/services/containerscanning.googleapis.com`. */
  name?: string;
  /** `projects/123`. */
  parent?: string;
  state?: 'STATE_UNSPECIFIED' | 'DISABLED' | 'ENABLED';
}
