use super::*;

#[test]
fn garbage_never_panics() {
    for input in [
        &b""[..],
        b"\0\0\0",
        b"From: x\r\n\r\n",
        b"Content-Type: multipart/report; report-type=delivery-status; boundary=x\r\n\r\n--x\r\nContent-Type: message/delivery-status\r\n\r\nFinal-Recipient: ;\r\nStatus: 9.9\r\n--x--",
        b"\xff\xfe\xfd garbage @@@ 5.1.1 550",
    ] {
        let _ = parse(input);
    }
}
