/*
 * Small in-memory catalogs in the shape of the real ones, so core tests do not depend on the
 * content of catalogs/ (which has tests of its own).
 */
import { CatalogFile, CatalogText } from '../../server/src/core/index';

export const huaweiOcr: CatalogFile = {
  version: 1,
  id: 'huaweicloud-ocr',
  provider: { en: 'Huawei Cloud', 'zh-cn': '华为云' },
  service: { en: 'OCR', 'zh-cn': '文字识别' },
  languages: ['en', 'zh-cn'],
  sources: [
    { language: 'en', url: 'https://support.huaweicloud.com/intl/en-us/api-ocr/ocr_03_0028.html' },
    { language: 'zh-cn', url: 'https://support.huaweicloud.com/api-ocr/ocr_03_0028.html' },
  ],
  errorBody: { codeKeys: ['error_code'], messageKeys: ['error_msg'] },
  origin: {
    provider: 'huaweicloud',
    product: 'ocr',
    hosts: ['ocr.{region}.myhuaweicloud.com'],
    providerHosts: ['{product}.{region}.myhuaweicloud.com'],
    sdks: ['huaweicloudsdkocr', 'com.huaweicloud.sdk.ocr'],
    providerSdks: ['huaweicloudsdkcore', 'ClientRequestException'],
    apiPaths: ['/v2/{project_id}/ocr/'],
    bodyKeys: ['error_msg', 'request_id'],
  },
  families: [
    { prefix: 'AIS.', shape: 'digits' },
    { prefix: 'ModelArts.', shape: 'digits' },
    { prefix: 'APIG.', shape: 'digits' },
    { prefix: 'APIGW.', shape: 'digits', url: 'https://support.huaweicloud.com/devg-apisign/api-sign-errorcode.html', title: { en: 'API Gateway error codes', 'zh-cn': 'API网关错误码' } },
  ],
  entries: [
    {
      code: 'AIS.0101',
      module: { en: 'OCR', 'zh-cn': '文字识别' },
      message: { en: 'The input parameter is invalid.', 'zh-cn': 'The input parameter is invalid.' },
      description: { en: 'The input parameter does not meet the requirements.', 'zh-cn': '输入参数不符合规范。' },
      solution: { en: 'Check the entered parameter.', 'zh-cn': '请检查输入参数。' },
    },
    { code: 'APIG.0201', message: { en: 'Backend timeout.' }, description: { en: 'Request timed out.', 'zh-cn': '请求超时。' } },
    {
      code: 'APIG.0308',
      message: { en: 'The throttling threshold has been reached: policy user over ratelimit,limit:XX,time:1 minute.' },
      messageVariables: ['XX'],
      description: { en: 'The request exceeds the default rate limit of the service.' },
    },
    {
      code: 'ModelArts.4204',
      message: { en: 'Request api error! The API XXX is not subscribed.', 'zh-cn': 'Request api error! The API XXX is not subscribed.' },
      messageVariables: ['XXX'],
      description: { en: 'Failed to request the service because the service has not been subscribed.' },
    },
  ],
};

export const huaweiImage: CatalogFile = {
  version: 1,
  id: 'huaweicloud-image-recognition',
  provider: { en: 'Huawei Cloud', 'zh-cn': '华为云' },
  service: { en: 'Image Recognition', 'zh-cn': '图像识别' },
  languages: ['zh-cn'],
  sources: [{ language: 'zh-cn', url: 'https://support.huaweicloud.com/api-image/image_03_0010.html' }],
  errorBody: { codeKeys: ['error_code'], messageKeys: ['error_msg'] },
  origin: {
    provider: 'huaweicloud',
    product: 'image',
    hosts: ['image.{region}.myhuaweicloud.com'],
    providerHosts: ['{product}.{region}.myhuaweicloud.com'],
    sdks: ['huaweicloudsdkimage', 'com.huaweicloud.sdk.image'],
    providerSdks: ['huaweicloudsdkcore', 'ClientRequestException'],
    apiPaths: ['/v2/{project_id}/image/'],
    bodyKeys: ['error_msg', 'request_id'],
  },
  families: [
    { prefix: 'AIS.', shape: 'digits' },
    { prefix: 'APIG.', shape: 'digits' },
    { prefix: 'AIP.', shape: 'digits' },
  ],
  entries: [
    { code: 'APIG.0201', httpStatus: 400, message: { 'zh-cn': 'The request body is oversized.' }, description: { 'zh-cn': '请求体过大。' } },
    { code: 'AIS.0101', httpStatus: 400, message: { 'zh-cn': 'The input parameter is invalid.' }, description: { 'zh-cn': '输入参数不合法。' } },
    { code: 'AIP.0010', httpStatus: 400, message: { 'zh-cn': 'The param:%s, val:%s , exceeds the range:[%s,%s].' }, description: { 'zh-cn': '参数超出范围。' } },
  ],
};

export const alibabaImm: CatalogFile = {
  version: 1,
  id: 'alibabacloud-imm',
  provider: { en: 'Alibaba Cloud', 'zh-cn': '阿里云' },
  service: { en: 'Intelligent Media Management (IMM)', 'zh-cn': '智能媒体管理' },
  languages: ['zh-cn'],
  sources: [{ language: 'zh-cn', url: 'https://help.aliyun.com/document_detail/91593.html' }],
  documentation: { codeUrlTemplate: 'https://error-center.aliyun.com/status/search?Keyword={code}' },
  errorBody: { codeKeys: ['Code'], messageKeys: ['Message'] },
  origin: {
    provider: 'alibabacloud',
    product: 'imm',
    hosts: ['imm.{region}.aliyuncs.com'],
    providerHosts: ['{product}.{region}.aliyuncs.com', '{product}.aliyuncs.com'],
    sdks: ['com.aliyun.imm20200930', 'alibabacloud_imm20200930'],
    providerSdks: ['TeaException', 'aliyunsdkcore'],
    bodyKeys: ['RequestId', 'HostId', 'Recommend'],
    productNames: ['imm'],
  },
  families: [{ prefix: 'InvalidParameter.', shape: 'names' }],
  entries: [
    { code: 'Invalid{ParameterName}', httpStatus: 400, message: { 'zh-cn': 'Specified parameter {ParameterName} is not valid.' }, description: { 'zh-cn': '参数不合法。' } },
    { code: 'Invalid{ResourceType}', httpStatus: 400, message: { 'zh-cn': 'The resource {ResourceType} is not valid. Please check.' }, description: { 'zh-cn': '资源类型不合法,请检查。' } },
    { code: 'InvalidParameter.{ParameterName}', httpStatus: 400, message: { 'zh-cn': 'The input parameter {ParameterName} is not valid. Please refer to document.' } },
    { code: 'InvalidParameter.{ParameterName}.Empty', httpStatus: 400, message: { 'zh-cn': 'The input parameter {ParameterName} is empty. Please refer to document.' }, description: { 'zh-cn': '参数值为空,请参考文档设置。' } },
    { code: 'QuotaExhausted.{ResourceType}', httpStatus: 400, message: { 'zh-cn': 'The resource {ResourceType} has exceeded the limit. Please refer to document.' } },
    { code: 'Forbidden.AccountInDebt', httpStatus: 403, message: { 'zh-cn': 'The specified account is in debt. Please check your permission.' } },
    { code: 'Forbidden', httpStatus: 403, message: { 'zh-cn': 'User not authorized to operate on the specified APIs. Please check your permission.' } },
    { code: 'Timeout', httpStatus: 408, message: { 'zh-cn': 'Request timed out. Please try again later.' } },
    { code: 'InternalError', httpStatus: 500, message: { 'zh-cn': 'The request has been failed due to some unknown error. Please try again later.' } },
    { code: 'ServiceUnavailable', httpStatus: 503, message: { 'zh-cn': 'The request has failed due to a temporary failure of the server. Please try again later.' } },
    { code: 'Throttling', httpStatus: 403, message: { 'zh-cn': 'The request project is blocked due to throttling control. Please wait a few minutes before trying again.' } },
    { code: 'QuotaExhausted.CU', kind: 'commonError', cause: { 'zh-cn': '当前请求的API频次,超过了创建Project时设置的CU限制。' }, solution: { 'zh-cn': '控制客户端请求的频率。' } },
  ],
};

export const alibabaMarket: CatalogFile = {
  version: 1,
  id: 'alibabacloud-ocr-marketplace',
  provider: { en: 'Alibaba Cloud', 'zh-cn': '阿里云' },
  service: { en: 'OCR (Cloud Marketplace)', 'zh-cn': '文字识别(云市场)' },
  languages: ['zh-cn'],
  sources: [{ language: 'zh-cn', url: 'https://help.aliyun.com/zh/ocr/support/error-codes-for-api-operations-of-alibaba-cloud-marketplace' }],
  documentation: { codeUrlTemplate: 'https://error-center.aliyun.com/status/search?Keyword={code}' },
  origin: {
    provider: 'alibabacloud',
    product: 'ocr-marketplace',
    hosts: ['{name}.market.alicloudapi.com'],
    providerHosts: ['{product}.{region}.aliyuncs.com'],
    sdks: ['X-Ca-Error-Message'],
    providerSdks: ['TeaException'],
  },
  entries: [
    { code: '400', httpStatus: 400, message: { 'zh-cn': 'Invalid URL' }, description: { 'zh-cn': 'URL错误' } },
    { code: '461', httpStatus: 461, message: { 'zh-cn': 'Invalid Input - json format error - missing key: image' } },
    { code: '462', httpStatus: 462, message: { 'zh-cn': 'Invalid Input - image data error - base64decode error: incorrect padding in base64 string' }, description: { 'zh-cn': '输入的image不是合法的base64字符串' } },
    { code: '462', httpStatus: 462, message: { 'zh-cn': 'Invalid Input - image data error - gif image empty' }, description: { 'zh-cn': 'GIF图像是为空' } },
    { code: '464', httpStatus: 464, message: { 'zh-cn': 'Invalid Result - xxx' }, messageVariables: ['xxx'], description: { 'zh-cn': 'OCR识别失败' } },
    { code: '503', httpStatus: 503, message: { 'zh-cn': 'Service Unavailable' }, description: { 'zh-cn': 'API网关等待超时断开连接' } },
  ],
};

export const ALL: CatalogFile[] = [alibabaMarket, huaweiOcr, huaweiImage, alibabaImm];

export function catalogTexts(catalogs: CatalogFile[] = ALL): CatalogText[] {
  return catalogs.map((catalog) => ({ file: `${catalog.id}.json`, text: JSON.stringify(catalog, null, 2) }));
}

/** A catalog of a made-up provider holding just `entries`, as a file to load. */
export function testCatalog(id: string, entries: CatalogFile['entries']): CatalogText {
  const catalog: CatalogFile = {
    version: 1,
    id,
    provider: { en: 'Test' },
    service: { en: 'Test' },
    languages: ['en'],
    sources: [{ language: 'en', url: 'https://example.com/errors' }],
    entries,
  };
  return { file: `${id}.json`, text: JSON.stringify(catalog) };
}
