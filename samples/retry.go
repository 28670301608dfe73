package media

import (
	"errors"
	"time"

	teaerr "github.com/alibabacloud-go/tea/tea"
)

// retryDelay says how long to wait before retrying an IMM call, or false when it is not worth it.
func retryDelay(err error) (time.Duration, bool) {
	var sdkErr *teaerr.SDKError
	if !errors.As(err, &sdkErr) || sdkErr.Code == nil {
		return 0, false
	}
	switch *sdkErr.Code {
	case "Throttling", "Throttling.User":
		return 5 * time.Second, true
	case "ServiceUnavailable", "InternalError":
		return time.Second, true
	case "Forbidden.AccountInDebt", "InvalidParameter.SourceURI.Empty":
		return 0, false
	}
	if *sdkErr.Code == "QuotaExhausted.CU" {
		return time.Minute, true
	}
	return 0, false
}

const userAgent = "media-converter/1.4 (Timeout 30s)"
