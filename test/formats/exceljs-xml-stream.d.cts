// The original has the same interface as the patched writer.
import XmlStream = require('exceljs/lib/utils/xml-stream.js');
export = XmlStream;
