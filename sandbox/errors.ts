import { ApiError } from './api-error';
import { escapeXml } from './aws/model';
import type { FaultRule } from './faults';
import { jsonReply, type Reply, xmlReply } from './http';
import type { Protocol } from './route';

const QUERY_NS: Record<string, string> = {
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
};

/** An error in the wire shape of the protocol, as the real service sends it. */
export function errorReply(
  protocol: Protocol,
  err: ApiError,
  requestId: string,
  service = '',
): Reply {
  switch (protocol) {
    case 'aws-rest-json':
      return jsonReply(
        err.status,
        { message: err.message },
        {
          'x-amzn-errortype': err.code,
          'x-amzn-requestid': requestId,
          ...err.headers,
        },
      );
    case 'aws-json':
      return {
        status: err.status,
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amzn-errortype': err.code,
          'x-amzn-requestid': requestId,
          ...err.headers,
        },
        body: JSON.stringify({ __type: err.code, message: err.message }),
      };
    case 'aws-query': {
      const type = err.status >= 500 ? 'Receiver' : 'Sender';
      const ns = QUERY_NS[service] ?? '';
      return xmlReply(
        err.status,
        `<ErrorResponse xmlns="${ns}"><Error><Type>${type}</Type><Code>${escapeXml(err.code)}</Code><Message>${escapeXml(err.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
        { 'x-amzn-requestid': requestId, ...err.headers },
      );
    }
    case 'aws-ec2':
      return xmlReply(
        err.status,
        `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${escapeXml(err.code)}</Code><Message>${escapeXml(err.message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`,
        err.headers,
      );
    case 'gcp':
      return jsonReply(
        err.status,
        { error: { code: err.status, message: err.message, status: err.code } },
        err.headers,
      );
    case 'arm':
      return jsonReply(
        err.status,
        { error: { code: err.code, message: err.message } },
        { 'x-ms-error-code': err.code, 'x-ms-request-id': requestId, ...err.headers },
      );
  }
}

/** What a fault's error says about the call. */
export interface FaultCall {
  operation: string;
  target: string;
  /** AWS principal ARN of the caller (AWS protocols only). */
  principal: string;
}

function throttle(protocol: Protocol, rule: FaultRule): ApiError {
  switch (protocol) {
    case 'aws-rest-json':
      return new ApiError(429, 'ThrottlingException', 'Rate exceeded');
    case 'aws-json':
      return new ApiError(400, 'ThrottlingException', 'Rate exceeded');
    case 'aws-query':
      return new ApiError(400, 'Throttling', 'Rate exceeded');
    case 'aws-ec2':
      return new ApiError(503, 'RequestLimitExceeded', 'Request limit exceeded.');
    case 'gcp':
      return new ApiError(
        429,
        'RESOURCE_EXHAUSTED',
        "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute'.",
      );
    case 'arm':
      return new ApiError(
        429,
        'TooManyRequests',
        'The request is being throttled as the limit has been reached for operation type - Read.',
        { 'retry-after': String(rule.retryAfterSeconds ?? 1) },
      );
  }
}

function serverError(protocol: Protocol, rule: FaultRule): ApiError {
  const status = rule.status ?? 500;
  const unavailable = status === 503;
  switch (protocol) {
    case 'aws-rest-json':
    case 'aws-json':
    case 'aws-query':
      return unavailable
        ? new ApiError(
            status,
            'ServiceUnavailable',
            'Service is unavailable. Please try again later.',
          )
        : new ApiError(
            status,
            'InternalFailure',
            'The request processing has failed because of an unknown error, exception or failure.',
          );
    case 'aws-ec2':
      return new ApiError(
        status,
        unavailable ? 'Unavailable' : 'InternalError',
        'An internal error has occurred.',
      );
    case 'gcp':
      return unavailable
        ? new ApiError(status, 'UNAVAILABLE', 'The service is currently unavailable.')
        : new ApiError(status, 'INTERNAL', 'Internal error encountered.');
    case 'arm':
      return unavailable
        ? new ApiError(status, 'ServiceUnavailable', 'The service is temporarily unavailable.')
        : new ApiError(status, 'InternalServerError', 'An internal server error occurred.');
  }
}

function accessDenied(protocol: Protocol, call: FaultCall): ApiError {
  const action = call.operation;
  switch (protocol) {
    case 'aws-rest-json':
      return new ApiError(
        403,
        'AccessDeniedException',
        `User: ${call.principal} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
      );
    case 'aws-json':
      return new ApiError(
        400,
        'AccessDeniedException',
        `User: ${call.principal} is not authorized to perform: ${action}`,
      );
    case 'aws-query':
      return new ApiError(
        403,
        'AccessDenied',
        `User: ${call.principal} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
      );
    case 'aws-ec2':
      return new ApiError(
        403,
        'UnauthorizedOperation',
        'You are not authorized to perform this operation.',
      );
    case 'gcp':
      return new ApiError(
        403,
        'PERMISSION_DENIED',
        `Permission denied on resource project ${call.target} for ${action} (or it may not exist).`,
      );
    case 'arm':
      return new ApiError(
        403,
        'AuthorizationFailed',
        `The client 'sandbox' with object id '00000000-0000-0000-0000-000000000000' does not have authorization to perform action '${action}' over scope '/subscriptions/${call.target}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
      );
  }
}

/** The error a throttle, server-error or access-denied fault answers with. */
export function faultError(
  protocol: Protocol,
  rule: FaultRule,
  call: FaultCall,
): ApiError | undefined {
  switch (rule.kind) {
    case 'throttle':
      return throttle(protocol, rule);
    case 'server-error':
      return serverError(protocol, rule);
    case 'access-denied':
      return accessDenied(protocol, call);
    default:
      return undefined;
  }
}
