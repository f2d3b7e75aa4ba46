package cn.zwgk.assistant.disclosure;

import java.util.Map;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** The staff API's answers to workflow conflicts and unknown cases (bad input is platform.ApiErrors' 400). */
@RestControllerAdvice(basePackageClasses = DisclosureErrors.class)
class DisclosureErrors {

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<Map<String, String>> conflict(IllegalTransitionException e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Map<String, String>> concurrent(OptimisticLockingFailureException e) {
        return error(HttpStatus.CONFLICT, e.getMessage() + "; reload and try again");
    }

    @ExceptionHandler(SubmissionsBusyException.class)
    ResponseEntity<Map<String, String>> busy(SubmissionsBusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler({CaseNotFoundException.class, AttachmentNotFoundException.class})
    ResponseEntity<Map<String, String>> notFound(RuntimeException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({MultipartException.class, MissingServletRequestPartException.class})
    ResponseEntity<Map<String, String>> notMultipart(Exception e) {
        return error(HttpStatus.BAD_REQUEST, "send the files as multipart/form-data, each in a part named 'file'");
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
