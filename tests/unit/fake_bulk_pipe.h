#pragma once
// A scripted usb::BulkPipe for host-side BOT tests: each bulk transfer consumes the next scripted step, and every
// call is logged ("OUT 31", "IN 13", "CLEAR IN", "CTRL FF") so tests can assert the exact sequence. Unscripted
// transfers answer TransferStatus::Error and are counted.
#include <algorithm>
#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "core/usb/bot.h"
#include "core/usb/bulk_pipe.h"

namespace kiln::test {

class FakeBulkPipe final : public usb::BulkPipe {
 public:
  using OutStep = std::function<usb::TransferResult(std::span<const std::uint8_t>)>;
  using InStep = std::function<usb::TransferResult(std::span<std::uint8_t>)>;

  std::vector<std::string> events;
  std::vector<std::vector<std::uint8_t>> sent;  ///< every bulk OUT payload, in order
  std::vector<usb::ControlSetup> controls;
  std::vector<std::uint32_t> timeouts;          ///< timeout of every bulk transfer
  int unscripted = 0;

  // --- script building ---------------------------------------------------------------------------------------
  /// Accept the next bulk OUT whole (a CBW or an OUT data chunk).
  void acceptOut() {
    outs_.push_back([](std::span<const std::uint8_t> d) { return usb::TransferResult{usb::TransferStatus::Ok, d.size()}; });
  }
  void outStatus(usb::TransferStatus s) {
    outs_.push_back([s](std::span<const std::uint8_t>) { return usb::TransferResult{s, 0}; });
  }
  /// Answer the next bulk IN with `bytes` (a short transfer if fewer than requested).
  void inData(std::vector<std::uint8_t> bytes) {
    ins_.push_back([bytes](std::span<std::uint8_t> d) {
      const std::size_t n = std::min(bytes.size(), d.size());
      std::copy_n(bytes.begin(), n, d.begin());
      return usb::TransferResult{usb::TransferStatus::Ok, n};
    });
  }
  void inStatus(usb::TransferStatus s) {
    ins_.push_back([s](std::span<std::uint8_t>) { return usb::TransferResult{s, 0}; });
  }
  /// Answer the next bulk IN with a CSW echoing the tag of the most recent CBW (adjusted by `tagDelta`).
  void inCsw(std::uint32_t residue, usb::CswStatus status, std::uint32_t tagDelta = 0,
             std::uint32_t signature = usb::kCswSignature) {
    ins_.push_back([this, residue, status, tagDelta, signature](std::span<std::uint8_t> d) {
      usb::Csw csw{lastCbwTag() + tagDelta, residue, status};
      auto wire = usb::encodeCsw(csw);
      wire[0] = static_cast<std::uint8_t>(signature);
      wire[1] = static_cast<std::uint8_t>(signature >> 8);
      wire[2] = static_cast<std::uint8_t>(signature >> 16);
      wire[3] = static_cast<std::uint8_t>(signature >> 24);
      const std::size_t n = std::min(wire.size(), d.size());
      std::copy_n(wire.begin(), n, d.begin());
      return usb::TransferResult{usb::TransferStatus::Ok, n};
    });
  }
  usb::TransferResult controlResult{usb::TransferStatus::Ok, 0};
  std::vector<std::uint8_t> controlInData;
  usb::TransferStatus clearHaltResult = usb::TransferStatus::Ok;

  // --- inspection ----------------------------------------------------------------------------------------------
  std::vector<usb::Cbw> cbws() const {
    std::vector<usb::Cbw> out;
    for (const auto& s : sent)
      if (auto cbw = usb::decodeCbw(s)) out.push_back(*cbw);
    return out;
  }
  std::uint32_t lastCbwTag() const {
    const auto all = cbws();
    return all.empty() ? 0 : all.back().tag;
  }
  bool scriptDone() const { return outs_.empty() && ins_.empty(); }

  // --- BulkPipe -------------------------------------------------------------------------------------------------
  usb::TransferResult bulkOut(std::span<const std::uint8_t> data, std::uint32_t timeoutMs) override {
    events.push_back("OUT " + std::to_string(data.size()));
    timeouts.push_back(timeoutMs);
    if (outs_.empty()) return unscriptedResult();
    auto step = std::move(outs_.front());
    outs_.pop_front();
    const auto r = step(data);
    if (r.status == usb::TransferStatus::Ok) sent.emplace_back(data.begin(), data.begin() + r.length);
    return r;
  }
  usb::TransferResult bulkIn(std::span<std::uint8_t> data, std::uint32_t timeoutMs) override {
    events.push_back("IN " + std::to_string(data.size()));
    timeouts.push_back(timeoutMs);
    if (ins_.empty()) return unscriptedResult();
    auto step = std::move(ins_.front());
    ins_.pop_front();
    return step(data);
  }
  usb::TransferResult control(const usb::ControlSetup& setup, std::span<std::uint8_t> data, std::uint32_t) override {
    char name[16];
    std::snprintf(name, sizeof name, "CTRL %02X", unsigned{setup.request});
    events.push_back(name);
    controls.push_back(setup);
    usb::TransferResult r = controlResult;
    if (r.status == usb::TransferStatus::Ok && (setup.requestType & 0x80)) {
      r.length = std::min(controlInData.size(), data.size());
      std::copy_n(controlInData.begin(), r.length, data.begin());
    }
    return r;
  }
  usb::TransferStatus clearHalt(usb::Endpoint endpoint) override {
    events.push_back(endpoint == usb::Endpoint::BulkIn ? "CLEAR IN" : "CLEAR OUT");
    return clearHaltResult;
  }
  std::uint16_t interfaceNumber() const override { return 3; }

 private:
  usb::TransferResult unscriptedResult() {
    ++unscripted;
    return {usb::TransferStatus::Error, 0};
  }
  std::deque<OutStep> outs_;
  std::deque<InStep> ins_;
};

}  // namespace kiln::test
