// libFuzzer target for the PNG reader (PNGFile.readRGBA: libpng's simplified API through CPNG),
// which loads the kiosk's images. Built by `make fuzz` from Graphics' own source files, linked
// with the system's libpng (see the Makefile's FUZZ_SOURCES_png). The reader takes a path, so
// each input is written to a file in the working directory first.

import Glibc

@_cdecl("LLVMFuzzerTestOneInput")
public func pngFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = "input-\(getpid()).png", output = "output-\(getpid()).png"
    writeFile(input, UnsafeBufferPointer(start: data, count: size))
    defer {
        unlink(input)
        unlink(output)
    }
    let image: RGBAImage
    do {
        image = try PNGFile.readRGBA(from: input)
    } catch {
        require(!error.message.isEmpty, "a refused PNG without a reason")
        return 0
    }
    // RGBAImage.init checks bytes.count == width * height * 4, both sides > 0.
    require(image.width * image.height <= 64 * 1024 * 1024, "an image of \(image.width)x\(image.height) was accepted")
    // What was read writes as PNG and reads back the same (small images: the rest only cost time).
    guard image.width * image.height <= 1 << 20 else { return 0 }
    do {
        try PNGFile.write(image, to: output)
        let again = try PNGFile.readRGBA(from: output)
        require(again == image, "a \(image.width)x\(image.height) image changed when written and read back")
    } catch {
        fatalError("a \(image.width)x\(image.height) image read from the input does not round-trip: \(error)")
    }
    return 0
}

func writeFile(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    require(descriptor >= 0, "unable to create '\(path)'")
    defer { close(descriptor) }
    var written = 0
    while written < bytes.count {
        let result = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
        require(result > 0, "unable to write '\(path)'")
        written += result
    }
}
