import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { createLanguageService, compileMessage, matchMessage } from '../../server/src/core/index';
import { catalogTexts } from '../support/miniCatalogs';
import { streamText } from '../support/streaming';

const service = createLanguageService(catalogTexts());

/** The codes found in a text, as `line:token` strings. */
function found(text: string): string[] {
  const document = service.createDocument(text);
  return [...document.occurrences()].map(({ occurrence }) => `${occurrence.line}:${occurrence.token}`);
}

function picked(text: string): string[] {
  const document = service.createDocument(text);
  return [...document.occurrences()].map(({ resolution }) => resolution.ranked[0].entry.id);
}

describe('finding distinctive codes', () => {
  it('finds them anywhere as whole tokens', () => {
    assert.deepEqual(found('failed: AIS.0101\n(ModelArts.4204) "APIG.0308",AIP.0010.'), ['0:AIS.0101', '1:ModelArts.4204', '1:APIG.0308', '1:AIP.0010']);
  });

  it('never finds them inside a longer token', () => {
    assert.deepEqual(found('XAIS.0101 AIS.01051 2.4.0101 ModelArts.410 AIS_0101 x.AIS.0101 AIS.0101x'), []);
  });

  it('finds them at the very start and end of the text and next to CJK text', () => {
    assert.deepEqual(found('AIS.0101'), ['0:AIS.0101']);
    assert.deepEqual(found('错误码AIS.0101。'), ['0:AIS.0101']);
    assert.deepEqual(found('\r\nAIS.0101\rAPIG.0201\n'), ['1:AIS.0101', '2:APIG.0201']);
  });

  it('reads through a coloured log\'s escape sequences, with positions in the text as it is', () => {
    const text = '\u001b[31mERROR\u001b[0m error_code=\u001b[1mAIS.0101\u001b[0m \u001b[33mCode: \u001b[1;33mThrottling\u001b[0m TeaException';
    const found = [...service.createDocument(text).occurrences()].map(({ occurrence }) => [occurrence.token, text.slice(occurrence.start, occurrence.end)]);
    assert.deepEqual(found, [['AIS.0101', 'AIS.0101'], ['Throttling', 'Throttling']]);
    // The stream scanner (disk scan, command line) reads them the same way.
    assert.deepEqual(
      streamText(service, `${text}\n`).map(({ occurrence }) => `${occurrence.start}:${occurrence.token}`),
      [...service.createDocument(text).occurrences()].map(({ occurrence }) => `${occurrence.start}:${occurrence.token}`),
    );
  });

  it('binds the placeholders of templated codes where the text shows their product', () => {
    const document = service.createDocument('at com.aliyun.imm20200930.Client: InvalidParameter.SourceURI.Empty');
    const [{ resolution }] = [...document.occurrences()];
    assert.equal(resolution.ranked[0].entry.data.code, 'InvalidParameter.{ParameterName}.Empty');
    assert.deepEqual(resolution.ranked[0].bindings, { ParameterName: 'SourceURI' });
  });

  it('binds no template without its product: the shape is every product\'s, and other clouds\' too', () => {
    assert.deepEqual(found('InvalidParameter.SourceURI.Empty'), []);
    // The provider alone says "not in the catalogs", with the template as a general pattern.
    const [{ resolution }] = [...service.createDocument('TeaException: InvalidParameter.SourceURI.Empty').occurrences()];
    assert.equal(resolution.kind, 'otherProduct');
    assert.deepEqual(resolution.otherProduct, { provider: 'alibabacloud' });
    assert.equal(resolution.ranked[0]?.entry.data.code, 'InvalidParameter.{ParameterName}.Empty');
  });

  it('prefers a literal code over a template it also matches', () => {
    assert.deepEqual(picked('QuotaExhausted.CU'), ['alibabacloud-imm:QuotaExhausted.CU']);
    assert.deepEqual(picked('imm.cn-shanghai.aliyuncs.com: QuotaExhausted.Project'), ['alibabacloud-imm:QuotaExhausted.{ResourceType}']);
  });
});

describe('codes that need an error context', () => {
  it('find a body\'s code once, though its diagnosis link repeats it, and a link\'s code alone', () => {
    const body = '{"RequestId":"1","HostId":"imm.cn-hangzhou.aliyuncs.com","Code":"InternalError","Recommend":"https://api.aliyun.com/troubleshoot?q=InternalError&product=imm"}';
    assert.deepEqual(found(body), ['0:InternalError']);
    assert.deepEqual(found('Recommend: https://api.aliyun.com/troubleshoot?q=InternalError&product=imm'), ['0:InternalError']);
  });

  it('stay silent in prose, identifiers, timestamps, durations, counts and access logs', () => {
    const traps = [
      '2024-05-11T08:11:09.461Z served in 461 ms, 400 images, 503 bytes',
      'The API answered Forbidden and then a Timeout; InternalError was logged as a word.',
      'com.example.errors.InternalErrorException: wrapped; ThrottlingPolicy Throttling_policy',
      '10.0.3.17 - - [02/Jun/2024:14:03:11 +0000] "POST /v2/ocr HTTP/1.1" 403 512 "-" "python-requests/2.31.0" 0.461',
      'const label = "InternalError";',
      'version 4.0.462 build 461-rc2',
    ].join('\n');
    assert.deepEqual(found(traps), []);
  });

  it('count under an error-code key only where the text shows their provider', () => {
    // A key alone is no evidence: any service has a "Code" or a "code".
    assert.deepEqual(found('{"Code": "Throttling"}\ncode=462 status: 503\n<Error><Code>Forbidden</Code></Error>'), []);
    // The provider's own body, host or SDK is.
    assert.deepEqual(found('{"Code": "Throttling", "Message": "Rate exceeded.", "RequestId": "5C3D9175"}'), ['0:Throttling']);
    assert.deepEqual(found('<Error><Code>Forbidden</Code><HostId>imm.cn-hangzhou.aliyuncs.com</HostId></Error>'), ['0:Forbidden']);
    assert.deepEqual(found("TeaException: 'ErrorCode' => 'InternalError'"), ['0:InternalError']);
    assert.deepEqual(found('GET https://ocr.market.alicloudapi.com/ocr code=462'), ['0:462']);
  });

  it('count as a string literal compared with an error code, in a file that uses the provider\'s SDK', () => {
    const source = ['import com.aliyun.imm20200930.Client;', 'if (err.code === "Throttling") {', '    case "InternalError":', 'if ("Timeout".equals(error.getCode())) {'].join('\n');
    assert.deepEqual(found(source), ['1:Throttling', '2:InternalError', '3:Timeout']);
    assert.deepEqual(found('if (err.code === "Throttling") {'), []);
  });

  it('stay silent on HTTP status lines and bare reason phrases, which any server writes', () => {
    const traps = [
      'HTTP/1.1 503 Service Unavailable',
      '< HTTP/2 400',
      'upstream answered 503 Service Unavailable, retrying',
      '<html><head><title>503 Service Unavailable</title></head></html>',
    ].join('\n');
    assert.deepEqual(found(traps), []);
    // A number under an error-code key with only its reason phrase is any server's answer.
    assert.deepEqual(found('{"code": 503, "message": "Service Unavailable"}'), []);
    // A message of the catalog's own is evidence.
    assert.deepEqual(found('HTTP 400 Invalid URL'), ['0:400']);
  });

  it('count next to the catalog message that belongs to them', () => {
    assert.deepEqual(found('462 Invalid Input - image data error - gif image empty'), ['0:462']);
    assert.deepEqual(found('462 Invalid Input - something else entirely'), []);
  });

  it('leave out an HTTP status that belongs to another code near it', () => {
    assert.deepEqual(found('{"status_code": 400, "error_code": "AIS.0101"}'), ['0:AIS.0101']);
    assert.deepEqual(found('{\n  "status": 400,\n  "Code": "InvalidParameter.X.Empty",\n  "HostId": "imm.cn-hangzhou.aliyuncs.com"\n}'), ['2:InvalidParameter.X.Empty']);
    assert.deepEqual(found('TeaException: code: 403, errorCode=Forbidden.AccountInDebt'), ['0:Forbidden.AccountInDebt']);
  });
});

describe('matching a message', () => {
  it('finds it only as words of their own, never inside a longer word or dotted code', () => {
    const forbidden = compileMessage('Forbidden');
    assert.equal(matchMessage(forbidden, 'errorCode=Forbidden.AccountInDebt'), undefined);
    assert.equal(matchMessage(forbidden, 'NotForbidden'), undefined);
    assert.equal(matchMessage(forbidden, 'message=Forbidden.')?.score, 1);
    assert.equal(matchMessage(forbidden, '"Message":"Forbidden"')?.score, 1);
    const invalidUrl = compileMessage('Invalid URL');
    assert.equal(matchMessage(invalidUrl, 'Invalid URLs were given'), undefined);
    assert.equal(matchMessage(invalidUrl, 'status=400 Invalid URL, request id 1')?.score, 1);
  });

  it('lets a variable at either end run into the text around it', () => {
    const matcher = compileMessage('%s is invalid');
    assert.equal(matchMessage(matcher, 'the parameterX is invalid')?.score, 1);
  });
});

describe('telling entries apart', () => {
  it('uses the message on the same line', () => {
    assert.deepEqual(picked('{"error_code": "APIG.0201", "error_msg": "The request body is oversized."}'), ['huaweicloud-image-recognition:APIG.0201']);
    assert.deepEqual(picked('{"error_code": "APIG.0201", "error_msg": "Backend timeout."}'), ['huaweicloud-ocr:APIG.0201']);
    assert.deepEqual(picked('code=462 Invalid Input - image data error - base64decode error: incorrect padding in base64 string'), ['alibabacloud-ocr-marketplace:462:1']);
  });

  it('uses the sibling message of pretty-printed JSON, never another object\'s', () => {
    const text = ['[', '  {', '    "error_code": "APIG.0201",', '    "error_msg": "The request body is oversized."', '  },', '  {', '    "error_msg": "Backend timeout.",', '    "error_code": "APIG.0201"', '  }', ']'].join('\n');
    assert.deepEqual(picked(text), ['huaweicloud-image-recognition:APIG.0201', 'huaweicloud-ocr:APIG.0201']);
  });

  it('matches messages with variable parts and checks their bindings', () => {
    assert.deepEqual(picked('APIG.0308 The throttling threshold has been reached: policy user over ratelimit,limit:20,time:1 minute.'), ['huaweicloud-ocr:APIG.0308']);
    const document = service.createDocument('{"Code":"InvalidMaxKeys","Message":"Specified parameter MaxKeys is not valid.","HostId":"imm.cn-hangzhou.aliyuncs.com"}');
    const [{ resolution }] = [...document.occurrences()];
    assert.equal(resolution.ranked[0].entry.id, 'alibabacloud-imm:Invalid{ParameterName}');
    assert.equal(resolution.confident, true);
    assert.equal(resolution.evidence, 'message');
    // A template's message is every product's way of saying it: it shows the provider, not the product.
    const [{ resolution: anyProduct }] = [...service.createDocument('{"Code":"InvalidMaxKeys","Message":"Specified parameter MaxKeys is not valid."}').occurrences()];
    assert.equal(anyProduct.kind, 'otherProduct');
  });

  it('shows every candidate, most likely first, without evidence', () => {
    const document = service.createDocument('retrying after APIG.0201');
    const [{ resolution }] = [...document.occurrences()];
    assert.equal(resolution.ranked.length, 2);
    assert.equal(resolution.confident, false);
    assert.equal(resolution.established, false);
  });
});
