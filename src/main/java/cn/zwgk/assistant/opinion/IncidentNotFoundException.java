package cn.zwgk.assistant.opinion;

/** No incident with that id. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
class IncidentNotFoundException extends RuntimeException {

    public IncidentNotFoundException(long id) {
        super("no incident " + id);
    }
}
