// Package craftjpeg makes the crafted progressive JPEG of issue 18: few
// bytes, a decoding cost that grows with its scans. The upload tests and the
// load tool's jpeg scenario send the same file.
package craftjpeg
