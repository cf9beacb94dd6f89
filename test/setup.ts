// The AWS SDK warns about Node versions on every client; tests do not need to hear it.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
