/*
 * Issue 9's rules, one by one, on the small catalogs: whose error a code is decides whether it is a
 * finding and which table explains it; messages match as services really write them; and every
 * finding says where its origin came from.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { compileMessage, createLanguageService, matchMessage } from '../../server/src/core/index';
import { defaultSettings } from '../../server/src/common/settings';
import { builtInService } from '../support/corpus';
import { catalogTexts } from '../support/miniCatalogs';

const service = createLanguageService(catalogTexts());
const severity = defaultSettings()['diagnostics.severity'];

function findings(text: string): string[] {
  return [...service.createDocument(text).occurrences()].map(({ occurrence, resolution }) => {
    const meant = resolution.kind === 'entry' ? resolution.ranked[0].entry.id : `${resolution.kind}:${resolution.otherProduct?.product ?? resolution.family?.prefix ?? ''}`;
    return `${occurrence.token} ${meant}`;
  });
}

function hoverOn(text: string, code: string): string {
  const document = service.createDocument(text);
  const hover = service.hover(document, { line: 0, character: text.indexOf(code) + 1 }, 'en');
  assert.ok(hover, `a hover on ${code}`);
  return hover.markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

describe('whose error it is', () => {
  it('stays silent on other clouds\' errors, whatever codes they share with our tables', () => {
    const theirs = [
      '<Error><Code>Throttling</Code><Message>Rate exceeded</Message><RequestId>4442587FB7D0A2F9</RequestId><HostId>TW2qeJptLnLL7+0pKGRgdR=</HostId></Error>',
      'botocore.exceptions.ClientError: An error occurred (InternalError) when calling the GetObject operation: We encountered an internal error.',
      '{"Response":{"Error":{"Code":"InternalError","Message":"An internal error occurred."},"RequestId":"ed93f3cb"}}',
      '{"error":{"code":"Throttling","message":"Too many requests."}}',
      '{"status": 403, "error": "Forbidden", "message": "Access denied", "path": "/api/items"}',
      '{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Forbidden","code":403}',
      'level=error msg="upstream failed" status=502 body="Bad Gateway"',
      '{"Response":{"Error":{"Code":"InvalidParameter.ImageDecodeFailed","Message":"Image decode failed."},"RequestId":"1"}}',
    ];
    assert.deepEqual(findings(theirs.join('\n')), []);
  });

  it('says another product of the same provider is not in the catalogs, at hint severity', () => {
    const body = '{"RequestId":"9D31","HostId":"ecs.cn-hangzhou.aliyuncs.com","Code":"InvalidInstanceId.NotFound","Message":"The specified InstanceId does not exist."}';
    assert.deepEqual(findings(body), ['InvalidInstanceId.NotFound otherProduct:ecs']);
    // With the built-in catalogs, IMM's table has the template the code fits: shown as a general pattern.
    const builtIn = builtInService();
    const { diagnostics } = builtIn.diagnostics(builtIn.createDocument(body), { language: 'en', severity, maxCount: 10 });
    assert.equal(diagnostics[0].severity, 'hint');
    assert.match(diagnostics[0].message, /^InvalidInstanceId\.NotFound: an error of Alibaba Cloud ECS, not in the catalogs\. General pattern from another product's table \(Alibaba Cloud · Intelligent Media Management \(IMM\)\): Invalid\{ResourceType\}\.NotFound — /);
    assert.match(diagnostics[0].message, /\[Alibaba Cloud — from the host ecs\.cn-hangzhou\.aliyuncs\.com\]$/);
  });

  it('finds each body\'s code once in a minified JSON array of thousands of bodies on one line', () => {
    const bodies = Array.from({ length: 5000 }, (_, at) => `{"RequestId":"${at}","HostId":"ecs.cn-hangzhou.aliyuncs.com","Code":"${at % 2 ? 'IncorrectInstanceStatus' : 'InvalidInstanceId.NotFound'}"}`);
    const line = `[${bodies.join(',')}]`;
    const all = findings(line);
    assert.equal(all.length, 5000);
    assert.deepEqual(new Set(all), new Set(['InvalidInstanceId.NotFound otherProduct:ecs', 'IncorrectInstanceStatus otherProduct:ecs']));
    const starts = [...service.createDocument(line).occurrences()].map(({ occurrence }) => occurrence.start);
    assert.equal(new Set(starts).size, 5000);
  });

  it('on a line of many records, takes the clues of the code\'s own record over more of another provider\'s around it', () => {
    const builtIn = builtInService();
    const huawei = '2024-06-02 00:00:01,100 INFO huaweicloudsdkocr - recognize_general_text done in 200 ms; ';
    const imm = '2024-06-02 00:00:01,200 ERROR [aliyun-python-sdk-imm] - Caused by: {"Code":"MissingNotifyTopicName","Message":"NotifyTopicName is mandatory for this action."}; ';
    const onOneLine = (record: string) => huawei.repeat(60) + record + huawei.repeat(60);
    const found = (text: string) =>
      [...builtIn.createDocument(text).occurrences()].map(({ occurrence, resolution }) => `${occurrence.token} ${resolution.kind === 'entry' ? resolution.ranked[0].entry.id : resolution.kind} via ${resolution.origin?.clue.text}`);
    // Several times the 2 K characters on either side that evidence reads of a long line.
    assert.ok(onOneLine(imm).length > 10_000);
    // On a line of its own, and amid Huawei Cloud's records on one long line (an export, a joined log), it is IMM's.
    assert.deepEqual(found(imm), ['MissingNotifyTopicName alibabacloud-imm:Missing{ParameterName} via aliyun-python-sdk-imm']);
    assert.deepEqual(found(onOneLine(imm)), found(imm));
    // Without the record's own SDK, the nearest clue is Huawei Cloud's: another cloud's error to IMM's table.
    assert.deepEqual(found(onOneLine(imm.replace('[aliyun-python-sdk-imm] ', ''))), []);
  });

  it('lets a catalog of one\'s own for another product (ECS) plug into the same rules', () => {
    // The origin is the one the catalogs README gives as its example.
    const ecs = JSON.stringify({
      version: 1,
      id: 'my-ecs',
      provider: { en: 'Alibaba Cloud' },
      service: { en: 'ECS' },
      languages: ['en'],
      sources: [{ language: 'en', url: 'https://example.com/ecs-errors' }],
      origin: {
        provider: 'alibabacloud',
        product: 'ecs',
        hosts: ['ecs.{region}.aliyuncs.com', 'ecs.aliyuncs.com'],
        sdks: ['alibabacloud_ecs20140526', 'com.aliyun.ecs20140526'],
        bodyKeys: ['RequestId', 'HostId', 'Recommend'],
        names: ['ECS', 'Elastic Compute Service'],
      },
      entries: [{ code: 'InvalidInstanceId.NotFound', message: { en: 'The specified InstanceId does not exist.' } }],
    });
    const withEcs = createLanguageService([...catalogTexts(), { file: 'my-ecs.json', text: ecs }]);
    assert.deepEqual(withEcs.loaded.problems, []);
    const found = (text: string) => [...withEcs.createDocument(text).occurrences()].map(({ resolution }) => (resolution.kind === 'entry' ? resolution.ranked[0].entry.id : resolution.kind));
    assert.deepEqual(found('{"RequestId":"9D31","HostId":"ecs.cn-hangzhou.aliyuncs.com","Code":"InvalidInstanceId.NotFound"}'), ['my-ecs:InvalidInstanceId.NotFound']);
    assert.deepEqual(found('from alibabacloud_ecs20140526.client import Client\nerror: InvalidInstanceId.NotFound'), ['my-ecs:InvalidInstanceId.NotFound']);
    // Another cloud's error with the same code stays silent, ours or not.
    assert.deepEqual(found('<Response><Errors><Error><Code>InvalidInstanceId.NotFound</Code></Error></Errors><RequestID>a7</RequestID></Response>'), []);
  });

  it('binds a template that starts with a placeholder only with evidence of its product', () => {
    // The provider's body alone: another product's error that fits the template, not the template's entry.
    assert.deepEqual(findings('{"Code": "InvalidBucket", "RequestId": "1"}'), ['InvalidBucket otherProduct:']);
    assert.match(findings('{"Code": "InvalidBucket", "RequestId": "1", "HostId": "imm.cn-beijing.aliyuncs.com"}').join(), /^InvalidBucket alibabacloud-imm:Invalid\{(?:ParameterName|ResourceType)\}$/);
  });

  it('gives a code two tables share to the table the evidence names, else to what the document favours', () => {
    assert.deepEqual(findings('POST https://image.cn-north-4.myhuaweicloud.com/v2/0a7f/image/tagging {"error_code": "APIG.0201"}'), ['APIG.0201 huaweicloud-image-recognition:APIG.0201']);
    assert.deepEqual(findings('from huaweicloudsdkocr.v1 import OcrClient\nerror_code=APIG.0201'), ['APIG.0201 huaweicloud-ocr:APIG.0201']);
    // AIP.0010 is Image Recognition's alone, so this document favours Image Recognition.
    assert.deepEqual(findings('error_code=AIP.0010\nerror_code=APIG.0201'), ['AIP.0010 huaweicloud-image-recognition:AIP.0010', 'APIG.0201 huaweicloud-image-recognition:APIG.0201']);
  });

  it('reports an unknown code of a known family at information, with the nearest entry', () => {
    const [diagnostic] = service.diagnostics(service.createDocument('{"error_code": "AIS.0118", "error_msg": "new"}'), { language: 'en', severity, maxCount: 10 }).diagnostics;
    assert.equal(diagnostic.severity, 'information');
    assert.match(diagnostic.message, /^AIS\.0118: one of the Huawei Cloud · AIS\.\* codes, not in the catalogs\. Nearest entry: AIS\.0101 — /);
  });

  it('never makes an error or a warning of a finding whose origin is uncertain', () => {
    // Two tables, no evidence: the most likely first, at most information.
    const [diagnostic] = service.diagnostics(service.createDocument('retry after APIG.0201'), { language: 'en', severity, maxCount: 10 }).diagnostics;
    assert.equal(diagnostic.severity, 'information');
    assert.match(diagnostic.message, /\(2 possible entries\)$/);
  });
});

describe('rules learned from a held-out corpus', () => {
  const builtIn = builtInService();
  const said = (text: string) =>
    [...builtIn.createDocument(text).occurrences()].map(({ occurrence, resolution }) => {
      const meant = resolution.kind === 'entry' ? resolution.ranked[0].entry.id : `${resolution.kind}:${resolution.otherProduct?.product ?? resolution.family?.prefix ?? ''}`;
      return `${occurrence.line + 1} ${occurrence.token} ${meant}`;
    });

  it('reads EC2\'s XML and its RequestID as AWS\'s, not as an Alibaba body', () => {
    const ec2 = '<Response><Errors><Error><Code>InvalidInstanceID.NotFound</Code><Message>The instance ID does not exist</Message></Error></Errors><RequestID>a750db31</RequestID></Response>';
    assert.deepEqual(said(ec2), []);
    // Alibaba writes RequestId; in camel case too.
    assert.deepEqual(said('{"requestId":"1","Code":"InvalidInstanceId.NotFound","HostId":"ecs.aliyuncs.com"}'), ['1 InvalidInstanceId.NotFound otherProduct:ecs']);
  });

  it('takes the product from a link to the provider\'s documentation', () => {
    const page = (product: string) =>
      ['{', '    "error_code":"ModelArts.4204",', '    "error_msg":"Request api error! The API is not subscribed."', '}', `See https://support.huaweicloud.com/api-${product}/${product}_02_0043.html for other codes.`].join('\n');
    assert.deepEqual(said(page('image')), ['2 ModelArts.4204 huaweicloud-image-recognition:ModelArts.4204']);
    assert.deepEqual(said(page('ocr')), ['2 ModelArts.4204 huaweicloud-ocr:ModelArts.4204']);
    // A product with no table of ours: its error, not in the catalogs.
    assert.deepEqual(said(page('imagesearch')), ['2 ModelArts.4204 otherProduct:imagesearch']);
    // The locale of an international page is not a product.
    assert.deepEqual(said('https://support.huaweicloud.com/en-us/api-image/image_03_0024.html\nerror_code=APIG.0201'), ['2 APIG.0201 huaweicloud-image-recognition:APIG.0201']);
  });

  it('lets a message two tables word each their own way tell the provider, not the product', () => {
    // OCR's table says "The API XXX is not subscribed", Image Recognition's "The API is not subscribed to".
    const text = ['{', '    "error_code":"ModelArts.4204",', '    "error_msg":"Request api error! The API is not subscribed."', '}', 'You have not subscribed to Image Recognition in this region.'].join('\n');
    assert.deepEqual(said(text), ['2 ModelArts.4204 huaweicloud-image-recognition:ModelArts.4204']);
  });

  it('reads a message quoted in a sentence of its own below the code', () => {
    const text = ['How Do I Handle the Error APIG.0201?', '', 'The error message "请求体过大。" is displayed.'].join('\n');
    assert.deepEqual(said(text), ['1 APIG.0201 huaweicloud-image-recognition:APIG.0201']);
  });

  it('takes no quoted sentence below the code for its message unless it reads like one', () => {
    const text = ['from huaweicloudsdkocr.v1 import OcrClient', 'error_code=AIS.0101', 'The login message "welcome back, dear user" was shown.'].join('\n');
    const document = builtIn.createDocument(text);
    const hover = builtIn.hover(document, { line: 1, character: 13 }, 'en')!.markdown;
    assert.doesNotMatch(hover, /welcome back/);
  });

  it('counts a product\'s table over the gateway\'s when a message both give decides the document', () => {
    const text = ['How Do I Handle the Error APIG.0301?', '', 'If error message "Incorrect IAM authentication information: decrypt token fail" and error code "APIG.0301" are displayed:'].join('\n');
    assert.deepEqual(said(text), ['1 APIG.0301 huaweicloud-ocr:APIG.0301', '3 APIG.0301 huaweicloud-ocr:APIG.0301']);
  });
});

describe('messages as services write them', () => {
  it('match across case, full-width punctuation and whitespace', () => {
    const matcher = compileMessage('The input parameter is invalid.');
    assert.equal(matchMessage(matcher, 'THE INPUT  PARAMETER IS INVALID')?.score, 1);
    assert.equal(matchMessage(compileMessage('参数错误，请检查。'), '错误：参数错误,请检查')?.score, 1);
  });

  it('match in other words and in the table\'s Chinese text, from the body\'s own message', () => {
    // "Backend timed out" for OCR's "Backend timeout."; 请求体过大 is Image Recognition's description of APIG.0201.
    assert.deepEqual(findings('{"error_code": "APIG.0201", "error_msg": "backend timed out"}'), ['APIG.0201 huaweicloud-ocr:APIG.0201']);
    assert.deepEqual(findings('{"error_code": "APIG.0201", "error_msg": "请求体过大。"}'), ['APIG.0201 huaweicloud-image-recognition:APIG.0201']);
  });

  it('say so in the hover when the text\'s message clearly differs from the table\'s', () => {
    const text = 'from huaweicloudsdkocr import x {"error_code": "AIS.0101", "error_msg": "Quota for this account was used up yesterday"}';
    assert.match(hoverOn(text, 'AIS.0101'), /The text says "Quota for this account was used up yesterday"; the table says "The input parameter is invalid\."/);
  });
});

describe('where the origin came from', () => {
  it('is told for each finding, however many alike findings come before it', () => {
    const builtIn = builtInService();
    const lines = [
      'POST https://ocr.cn-north-4.myhuaweicloud.com/v2/0a7f/ocr/general-text',
      'error_code=APIG.0201',
      ...Array.from({ length: 30 }, () => 'ok'),
      'POST https://ocr.cn-north-4.myhuaweicloud.com/v2/0a7f/ocr/general-text',
      'error_code=APIG.0201',
      ...Array.from({ length: 30 }, () => 'ok'),
      '{"error_code": "APIG.0201", "error_msg": "请求体过大。"}',
    ];
    const document = builtIn.createDocument(lines.join('\n'));
    const describer = builtIn.describer('en', severity);
    const messages = [...document.occurrences()].map((found) => describer.describe(found).message.replace(/^[\s\S]*\[/, '['));
    assert.deepEqual(messages, [
      '[Huawei Cloud · OCR — from the host ocr.cn-north-4.myhuaweicloud.com on line 1]',
      '[Huawei Cloud · OCR — from the host ocr.cn-north-4.myhuaweicloud.com on line 33]',
      '[Huawei Cloud · Image Recognition — from its message]',
    ]);
  });

  it('is one short line in every hover', () => {
    assert.match(hoverOn('huaweicloudsdkocr ClientRequestException: {"error_code": "ModelArts.4204"}', 'ModelArts.4204'), /\*Huawei Cloud · OCR — from huaweicloudsdkocr\*/);
    assert.match(hoverOn('{"Code":"Throttling","RequestId":"1","HostId":"imm.cn-shanghai.aliyuncs.com"}', 'Throttling'), /Alibaba Cloud · Intelligent Media Management \(IMM\) — from the host imm\.cn-shanghai\.aliyuncs\.com/);
    const lines = ['POST https://ocr.cn-north-4.myhuaweicloud.com/v2/0a7f/ocr/general-text', 'retrying', 'error_code=APIG.0201'].join('\n');
    const document = service.createDocument(lines);
    const hover = service.hover(document, { line: 2, character: 14 }, 'en')!.markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
    assert.match(hover, /Huawei Cloud · OCR — from the host ocr\.cn-north-4\.myhuaweicloud\.com on line 1/);
  });
});
