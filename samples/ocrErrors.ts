// Maps Huawei Cloud OCR / Image Recognition error codes to what the app tells its users.
interface HuaweiCloudError {
  status_code: number;
  error_code: string;
  error_msg: string;
}

export function userMessage(error: HuaweiCloudError): string {
  if (error.error_code === 'ModelArts.4204') {
    return 'The OCR API is not enabled for this project yet.';
  }
  if (error.error_code === 'APIG.0308' || error.error_code === 'AIS.0105') {
    return 'Too many requests, please retry in a minute.';
  }
  switch (error.error_code) {
    case 'AIS.0101':
    case 'AIS.0103':
      return 'The image could not be read.';
    case 'APIG.0201':
      return error.error_msg === 'Backend timeout.' ? 'The service timed out.' : 'The image is too large.';
    default:
      return `Unexpected error (${error.status_code})`;
  }
}

export const retryAfterMs = 461; // not an error code
