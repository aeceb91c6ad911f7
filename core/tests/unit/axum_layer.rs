//! Unit tests of `src/adapters/axum/layer.rs`, included from there with `#[path]` under `cfg(test)`: out of the
//! published package.

use super::*;

fn replay_frames(replay: Replay) -> (Vec<u8>, Option<HeaderMap>) {
    let mut body = Box::pin(replay);
    let mut cx = Context::from_waker(core::task::Waker::noop());
    let mut data = Vec::new();
    let mut trailers = None;
    while let Poll::Ready(Some(frame)) = body.as_mut().poll_frame(&mut cx) {
        let frame = frame.expect("no error");
        match frame.into_data() {
            Ok(d) => data.extend_from_slice(&d),
            Err(f) => trailers = f.into_trailers().ok(),
        }
    }
    (data, trailers)
}

#[test]
fn replay_gives_back_what_was_read_then_the_rest() {
    let mut t = HeaderMap::new();
    t.insert("x-checksum", HeaderValue::from_static("1"));
    let replay = Replay { data: Some(Bytes::from_static(b"abc")), rest: Some(Body::from("def")), trailers: Some(t) };
    assert_eq!(replay.size_hint().exact(), Some(6));
    assert!(!replay.is_end_stream());
    let (data, trailers) = replay_frames(replay);
    assert_eq!(data, b"abcdef");
    assert_eq!(trailers.unwrap()["x-checksum"], "1");

    let replay = Replay { data: Some(Bytes::new()), rest: None, trailers: None };
    assert!(replay.is_end_stream());
    assert_eq!(replay_frames(replay).0, b"");
}

#[test]
fn content_length_needs_one_valid_value() {
    let mut headers = HeaderMap::new();
    assert_eq!(content_length(&headers), None);
    headers.insert(CONTENT_LENGTH, HeaderValue::from_static("12"));
    assert_eq!(content_length(&headers), Some(12));
    headers.append(CONTENT_LENGTH, HeaderValue::from_static("12"));
    assert_eq!(content_length(&headers), None);
    headers.insert(CONTENT_LENGTH, HeaderValue::from_static("x"));
    assert_eq!(content_length(&headers), None);
}
